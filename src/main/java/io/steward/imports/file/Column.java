package io.steward.imports.file;

import java.util.List;

/** The columns of an enrollment import, in the order rows carry their values. */
public enum Column {
    PROGRAM_ID("programId"),
    FIRST_NAME("firstName"),
    LAST_NAME("lastName"),
    DATE_OF_BIRTH("dateOfBirth"),
    GRADE_LEVEL("gradeLevel"),
    DISTRICT_CODE("districtCode"),
    DISTRICT_STUDENT_ID("districtStudentId"),
    SCHOOL_CODE("schoolCode"),
    GUARDIAN_NAME("guardianName"),
    GUARDIAN_RELATIONSHIP("guardianRelationship"),
    GUARDIAN_EMAIL("guardianEmail"),
    START_DATE("startDate");

    public static final List<Column> ALL = List.of(values());

    private final String header;

    Column(String header) {
        this.header = header;
    }

    /** The name in a CSV header row and the property name in NDJSON. */
    public String header() {
        return header;
    }

    /** The column with this exact (case-sensitive) name, or null. */
    public static Column named(String name) {
        for (Column column : ALL) {
            if (column.header.equals(name)) {
                return column;
            }
        }
        return null;
    }
}
