package io.steward.tools.edfi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XmlRecordsTest {

    @Test
    void read_interchange_givesTextsByPathAndAttributes() throws Exception {
        String xml =
                "<I xmlns='http://ed-fi.org/5.2.0'><Contact id='P1'><Name><FirstName>Ann"
                        + "</FirstName></Name><Telephone><TelephoneNumber>1</TelephoneNumber>"
                        + "</Telephone><Telephone><TelephoneNumber>2</TelephoneNumber></Telephone>"
                        + "<Ref ref='X'/></Contact><Other/></I>";
        List<XmlRecord> records = new ArrayList<>();
        XmlRecords.read(stream(xml), "Contact", records::add);
        assertEquals(1, records.size());
        assertEquals("P1", records.get(0).first("@id"));
        assertEquals("Ann", records.get(0).first("Name/FirstName"));
        assertEquals(List.of("1", "2"), records.get(0).all("Telephone/TelephoneNumber"));
        assertEquals("X", records.get(0).first("Ref/@ref"));
    }

    @Test
    void read_externalEntity_isRefusedAndNothingIsRead(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET");
        String xml =
                "<?xml version='1.0'?><!DOCTYPE I [<!ENTITY x SYSTEM '"
                        + secret.toUri()
                        + "'>]><I><Student><StudentUniqueId>&x;</StudentUniqueId></Student></I>";
        List<XmlRecord> records = new ArrayList<>();
        assertThrows(
                XMLStreamException.class,
                () -> XmlRecords.read(stream(xml), "Student", records::add));
        assertEquals(List.of(), records);
    }

    @Test
    void read_internalEntityExpansion_isRefused() {
        String xml =
                "<?xml version='1.0'?><!DOCTYPE I [<!ENTITY a 'aaaaaaaaaa'>"
                        + "<!ENTITY b '&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;'>]>"
                        + "<I><Student><StudentUniqueId>&b;</StudentUniqueId></Student></I>";
        assertThrows(
                XMLStreamException.class, () -> XmlRecords.read(stream(xml), "Student", r -> {}));
    }

    private static ByteArrayInputStream stream(String xml) {
        return new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8));
    }
}
