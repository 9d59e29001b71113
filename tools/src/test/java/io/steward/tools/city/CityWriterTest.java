package io.steward.tools.city;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CityWriterTest {

    @Test
    void enrollmentCsv_quotesCommasAndQuotes_andKeepsTheContractColumns() throws Exception {
        Youth youth =
                new Youth(
                        "y1",
                        "Ana, Maria",
                        "O\"Neil",
                        LocalDate.of(2012, 3, 4),
                        "4",
                        "255901",
                        "7100001",
                        "255901107",
                        List.of(new Guardian("Rosa O\"Neil", "Mother", null, null)));
        StringWriter out = new StringWriter();
        CityWriter.enrollmentCsv(
                List.of(new Enrollment("p1", "y1", LocalDate.of(2021, 9, 6))),
                Map.of("y1", youth),
                key -> "id-" + key,
                out);
        assertEquals(
                String.join(",", CityWriter.IMPORT_COLUMNS)
                        + "\r\n"
                        + "id-p1,\"Ana,"
                        + " Maria\",\"O\"\"Neil\",2012-03-04,4,255901,7100001,255901107,\"Rosa"
                        + " O\"\"Neil\",Mother,,2021-09-06\r\n",
                out.toString());
    }

    @Test
    void academicRecords_oneJsonObjectPerLine() throws Exception {
        StringWriter out = new StringWriter();
        CityWriter.academicRecords(
                List.of(
                        new SchoolRecord(
                                "a",
                                "7100001",
                                "2021-2022",
                                "SCHOOL_ATTENDANCE",
                                Fields.of("daysEnrolled", 169, "daysAbsent", 3))),
                out);
        assertEquals(
                "{\"districtStudentId\":\"7100001\",\"schoolYear\":\"2021-2022\",\"category\":\"SCHOOL_ATTENDANCE\",\"daysEnrolled\":169,\"daysAbsent\":3}\n",
                out.toString());
    }
}
