package io.steward.schooldata.edfi;

import io.steward.schooldata.RowErrors;
import io.steward.schooldata.edfi.EdFiElement.Leaf;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Streams an Ed-Fi interchange document with the JDK's StAX parser. DTDs and external entities are
 * refused (no XXE, no entity expansion). Only the leaves an interchange asks for are kept, so
 * names, birth dates and the like are never held beyond the parser's buffer.
 */
final class EdFiReader {

    private static final int MAX_DEPTH = 32;
    private static final int MAX_TEXT = 4096;

    /** What an interchange wants from the stream. */
    interface Interchange {
        /** The top-level element names whose leaves to collect. */
        Set<String> elements();

        /** The leaf paths to keep, relative to a top-level element. */
        Set<String> paths();

        void accept(EdFiElement element);
    }

    private EdFiReader() {}

    static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }

    /** Reads the document; {@code choose} maps the root element's name to its interchange. */
    static void read(InputStream body, Function<String, Interchange> choose) {
        XMLStreamReader xml = null;
        try {
            xml = factory().createXMLStreamReader(body);
            Interchange interchange = null;
            Deque<String> path = new ArrayDeque<>();
            Collecting current = null;
            long ordinal = 0;
            while (xml.hasNext()) {
                int event = xml.next();
                switch (event) {
                    case XMLStreamConstants.DTD, XMLStreamConstants.ENTITY_REFERENCE ->
                            throw RowErrors.body("must not contain a DTD or entity references");
                    case XMLStreamConstants.START_ELEMENT -> {
                        String name = xml.getLocalName();
                        if (path.size() >= MAX_DEPTH) {
                            throw RowErrors.body("nests elements too deeply");
                        }
                        if (path.isEmpty()) {
                            interchange = choose.apply(name);
                        } else if (path.size() == 1) {
                            ordinal++;
                            current =
                                    interchange.elements().contains(name)
                                            ? new Collecting(ordinal, name)
                                            : null;
                        } else if (current != null) {
                            if (path.size() == 2) {
                                current.child++;
                            }
                            current.enter(name, interchange.paths());
                        }
                        path.push(name);
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
                        if (current != null) {
                            current.text(xml.getText());
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        path.pop();
                        if (current != null && path.size() == 1) {
                            interchange.accept(current.done());
                            current = null;
                        } else if (current != null && path.size() > 1) {
                            current.leave();
                        }
                    }
                    default -> {}
                }
            }
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? -1 : e.getLocation().getLineNumber();
            throw RowErrors.body(
                    "is not well-formed XML" + (line > 0 ? " (near line " + line + ")" : ""));
        } finally {
            close(xml);
        }
    }

    private static void close(XMLStreamReader xml) {
        if (xml != null) {
            try {
                xml.close();
            } catch (XMLStreamException ignored) {
                // Nothing to release beyond the reader itself.
            }
        }
    }

    /** The leaves of one top-level element being read. */
    private static final class Collecting {
        final long ordinal;
        final String name;
        final Map<String, List<Leaf>> leaves = new HashMap<>();
        final Deque<String> relative = new ArrayDeque<>();
        int child;
        StringBuilder text;

        Collecting(long ordinal, String name) {
            this.ordinal = ordinal;
            this.name = name;
        }

        void enter(String element, Set<String> wanted) {
            relative.addLast(element);
            String path = String.join("/", relative);
            text = wanted.contains(path) ? new StringBuilder() : null;
        }

        void text(String chunk) {
            if (text != null) {
                if (text.length() + chunk.length() > MAX_TEXT) {
                    throw RowErrors.body("has a value longer than " + MAX_TEXT + " characters");
                }
                text.append(chunk);
            }
        }

        void leave() {
            if (text != null) {
                String path = String.join("/", relative);
                leaves.computeIfAbsent(path, k -> new ArrayList<>())
                        .add(new Leaf(child, text.toString().trim()));
                text = null;
            }
            relative.removeLast();
        }

        EdFiElement done() {
            return new EdFiElement(ordinal, name, leaves);
        }
    }
}
