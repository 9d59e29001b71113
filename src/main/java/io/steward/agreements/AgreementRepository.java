package io.steward.agreements;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class AgreementRepository implements PanacheRepositoryBase<Agreement, UUID> {

    /** The agreement, locked against concurrent signature, termination, upload or expiry. */
    public Optional<Agreement> lock(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The agreement, locked against termination and expiry while records are written. */
    public Optional<Agreement> share(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_READ);
    }

    /**
     * Up to {@code limit + 1} agreements after an id, in id order, limited to those whose district
     * or recipient has one of the given codes (all when {@code everything}).
     */
    public List<Agreement> page(
            boolean everything, String districtCode, String recipientCode, UUID after, int limit) {
        List<String> where = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (!everything) {
            List<String> scope = new ArrayList<>();
            if (districtCode != null) {
                params.add(districtCode);
                scope.add("lower(a.district.code) = lower(?" + params.size() + ")");
            }
            if (recipientCode != null) {
                params.add(recipientCode);
                scope.add("lower(a.recipient.code) = lower(?" + params.size() + ")");
            }
            if (scope.isEmpty()) {
                return List.of();
            }
            where.add("(" + String.join(" or ", scope) + ")");
        }
        if (after != null) {
            params.add(after);
            where.add("a.id > ?" + params.size());
        }
        String query =
                "from Agreement a join fetch a.district join fetch a.recipient"
                        + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                        + " order by a.id";
        return find(query, params.toArray()).page(0, limit + 1).list();
    }
}
