package io.steward.schooldata.read;

import java.util.List;

/** A page of disclosed records with the notice that binds their recipient (FERPA 99.33). */
public record AcademicRecordPage(
        List<AcademicRecordView> items, String nextCursor, String redisclosureNotice) {

    public static final String HEADER = "Redisclosure-Notice";

    public static final String NOTICE =
            "FERPA 34 CFR 99.33: these education records are disclosed on the condition that the"
                    + " recipient does not disclose them to any other party without the prior"
                    + " written consent of the parent or eligible student, except as 34 CFR"
                    + " 99.33(b) allows.";
}
