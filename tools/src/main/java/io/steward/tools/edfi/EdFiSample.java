package io.steward.tools.edfi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parts of an Ed-Fi interchange folder the loader uses, read as they are: students, contacts
 * and their student associations, school attendance events, sessions of the calendar, schools with
 * their grade levels, and state assessment results.
 */
public record EdFiSample(
        List<XmlRecord> students,
        Map<String, XmlRecord> contactsById,
        List<XmlRecord> contactAssociations,
        List<XmlRecord> attendanceEvents,
        List<XmlRecord> sessions,
        List<XmlRecord> schools,
        List<XmlRecord> assessments,
        Map<String, String> subjectByAssessment) {

    public static final String STUDENT_ID = "StudentReference/StudentIdentity/StudentUniqueId";

    /** Reads the folder; Student.xml is required, every other file is used when present. */
    public static EdFiSample read(Path dir) throws IOException {
        Path studentFile = dir.resolve("Student.xml");
        if (!Files.isRegularFile(studentFile)) {
            throw new IOException("no Student.xml in " + dir);
        }
        List<XmlRecord> students = list(studentFile, "Student");
        Map<String, XmlRecord> contacts = new LinkedHashMap<>();
        for (XmlRecord contact : list(dir.resolve("Contact.xml"), "Contact")) {
            contacts.put(contact.first("@id"), contact);
        }
        Map<String, String> subjects = new HashMap<>();
        for (XmlRecord a :
                list(dir.resolve("AssessmentMetadata-StateAssessment.xml"), "Assessment")) {
            subjects.put(
                    a.first("AssessmentIdentifier"),
                    XmlRecord.descriptor(a.first("AcademicSubject")));
        }
        return new EdFiSample(
                students,
                contacts,
                list(dir.resolve("Contact.xml"), "StudentContactAssociation"),
                list(dir.resolve("StudentSchoolAttendance.xml"), "StudentSchoolAttendanceEvent"),
                list(dir.resolve("EducationOrgCalendar.xml"), "Session"),
                list(dir.resolve("EducationOrganization.xml"), "School"),
                list(dir.resolve("StudentAssessment-StateAssessment.xml"), "StudentAssessment"),
                subjects);
    }

    private static List<XmlRecord> list(Path file, String element) throws IOException {
        List<XmlRecord> records = new ArrayList<>();
        if (Files.isRegularFile(file)) {
            XmlRecords.read(file, element, records::add);
        }
        return records;
    }
}
