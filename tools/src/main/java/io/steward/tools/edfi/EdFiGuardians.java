package io.steward.tools.edfi;

import io.steward.tools.city.Guardian;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Guardians of each student from Contact.xml: every contact associated with the student, the
 * primary contact first and the others in file order; relationship from the association's Relation
 * descriptor; the contact's first e-mail address and telephone number.
 */
final class EdFiGuardians {

    private EdFiGuardians() {}

    static Map<String, List<Guardian>> byStudent(EdFiSample sample) {
        Map<String, List<Guardian>> result = new HashMap<>();
        for (XmlRecord link : sample.contactAssociations()) {
            String student = link.first(EdFiSample.STUDENT_ID);
            XmlRecord contact = sample.contactsById().get(link.first("ContactReference/@ref"));
            if (student == null || contact == null) {
                continue;
            }
            Guardian guardian =
                    new Guardian(
                            contact.first("Name/FirstName")
                                    + " "
                                    + contact.first("Name/LastSurname"),
                            XmlRecord.descriptor(link.first("Relation")),
                            contact.first("ElectronicMail/ElectronicMailAddress"),
                            contact.first("Telephone/TelephoneNumber"));
            List<Guardian> list = result.computeIfAbsent(student, s -> new ArrayList<>());
            if ("true".equals(link.first("PrimaryContactStatus"))) {
                list.add(0, guardian);
            } else {
                list.add(guardian);
            }
        }
        return result;
    }
}
