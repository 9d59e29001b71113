package io.steward.schooldata;

import io.steward.common.Rows;
import io.steward.security.Caller;
import io.steward.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;

/**
 * Whether the calling district steward's district is a source of a youth's school data: the youth
 * is registered with that district's student id, or the district sent records of the youth, or
 * records of that district about the youth were disclosed. A steward sees only such youth.
 */
@ApplicationScoped
public class DistrictLink {

    @Inject EntityManager em;
    @Inject Caller caller;

    /** The id of the caller's district when it is linked to the participant, else null. */
    public UUID stewardDistrict(UUID participantId) {
        if (!caller.has(Role.DISTRICT_STEWARD) || caller.org().isEmpty()) {
            return null;
        }
        @SuppressWarnings("unchecked")
        List<Object> ids =
                em.createNativeQuery(
                                "select o.id from organization o where lower(o.code) = lower(?1)"
                                        + " and o.type = 'DISTRICT' and (exists (select 1 from"
                                        + " participant p where p.id = ?2"
                                        + " and lower(p.district_code) = lower(o.code))"
                                        + " or exists (select 1 from academic_record r"
                                        + " join agreement a on a.id = r.agreement_id"
                                        + " where r.participant_id = ?2 and a.district_id = o.id)"
                                        + " or exists (select 1 from disclosure d"
                                        + " where d.participant_id = ?2"
                                        + " and d.source_district_id = o.id))")
                        .setParameter(1, caller.org().get())
                        .setParameter(2, participantId)
                        .getResultList();
        return ids.isEmpty() ? null : Rows.uuid(ids.get(0));
    }
}
