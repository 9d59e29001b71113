package io.steward.tools.edfi;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Streams the records of an Ed-Fi interchange file with StAX: each child of the root element with a
 * given name becomes one {@link XmlRecord}, its text by path ({@code Name/FirstName}) and its
 * attributes by {@code path/@name}. Namespaces are ignored.
 *
 * <p>The parser refuses DTDs and external entities, so a file cannot make it read local files or
 * reach the network (XXE); a document that declares or uses an entity fails to parse.
 */
public final class XmlRecords {

    private XmlRecords() {}

    public static XMLInputFactory safeFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return factory;
    }

    /** Calls {@code sink} for every child of the root named {@code element}, in file order. */
    public static void read(Path file, String element, Consumer<XmlRecord> sink)
            throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            read(in, element, sink);
        } catch (XMLStreamException e) {
            throw new IOException("cannot parse " + file.getFileName() + ": " + e.getMessage());
        }
    }

    static void read(InputStream in, String element, Consumer<XmlRecord> sink)
            throws XMLStreamException {
        XMLStreamReader xml = safeFactory().createXMLStreamReader(in);
        try {
            int depth = 0;
            Deque<String> path = new ArrayDeque<>();
            Map<String, List<String>> fields = null;
            StringBuilder text = new StringBuilder();
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.DTD
                        || event == XMLStreamConstants.ENTITY_REFERENCE) {
                    throw new XMLStreamException("DTDs and entities are not accepted");
                }
                if (event == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                    String name = xml.getLocalName();
                    if (depth == 2 && name.equals(element)) {
                        fields = new LinkedHashMap<>();
                        path.clear();
                        for (int i = 0; i < xml.getAttributeCount(); i++) {
                            add(
                                    fields,
                                    "@" + xml.getAttributeLocalName(i),
                                    xml.getAttributeValue(i));
                        }
                    } else if (fields != null) {
                        path.addLast(name);
                        String at = String.join("/", path);
                        for (int i = 0; i < xml.getAttributeCount(); i++) {
                            add(
                                    fields,
                                    at + "/@" + xml.getAttributeLocalName(i),
                                    xml.getAttributeValue(i));
                        }
                    }
                    text.setLength(0);
                } else if (event == XMLStreamConstants.CHARACTERS
                        || event == XMLStreamConstants.CDATA) {
                    text.append(xml.getText());
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    if (fields != null && depth == 2) {
                        sink.accept(new XmlRecord(fields));
                        fields = null;
                    } else if (fields != null) {
                        String value = text.toString().trim();
                        if (!value.isEmpty()) {
                            add(fields, String.join("/", path), value);
                        }
                        path.removeLast();
                    }
                    text.setLength(0);
                    depth--;
                }
            }
        } finally {
            xml.close();
        }
    }

    private static void add(Map<String, List<String>> fields, String key, String value) {
        fields.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
    }
}
