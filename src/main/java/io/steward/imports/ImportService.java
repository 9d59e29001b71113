package io.steward.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.steward.audit.AuditLog;
import io.steward.audit.Outcome;
import io.steward.common.ApiException;
import io.steward.common.Idempotency;
import io.steward.common.Ids;
import io.steward.common.ProblemKind;
import io.steward.imports.file.RowError;
import io.steward.imports.file.Spool;
import io.steward.imports.file.Spooler;
import io.steward.imports.file.UploadFormat;
import io.steward.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/** Accepts uploads as jobs, and shows jobs to their organization. */
@ApplicationScoped
public class ImportService {

    private static final TypeReference<List<RowError>> ERRORS = new TypeReference<>() {};

    @Inject Spooler spooler;
    @Inject Idempotency idempotency;
    @Inject ImportJobs jobs;
    @Inject ImportQueue queue;
    @Inject ImportHeartbeat heartbeat;
    @Inject ImportAccess access;
    @Inject Caller caller;
    @Inject AuditLog audit;
    @Inject ObjectMapper mapper;

    /**
     * Spools the upload, then (once per {@code Idempotency-Key}) records a waiting job and answers
     * 202; the job is queued only after that commits. A replayed request keeps nothing.
     */
    public Response submit(
            String org, InputStream body, UploadFormat format, String idempotencyKey) {
        if (queue.full()) {
            throw ApiException.of(
                    ProblemKind.UNAVAILABLE, "Too many imports are waiting; retry later.");
        }

        Spool spool = spooler.receive(body, format);
        AtomicReference<UUID> created = new AtomicReference<>();
        try {
            Response answer =
                    idempotency.run(
                            idempotencyKey,
                            requestHash(format, spool),
                            () -> {
                                UUID id = UUID.randomUUID();
                                jobs.create(
                                        id,
                                        org,
                                        caller.subject(),
                                        caller.rolesText(),
                                        access.cityWide(),
                                        format.mediaType(),
                                        spool.rows(),
                                        new ImportJobs.Holder(heartbeat.instance(), spool.name()));
                                created.set(id);
                                return Response.accepted(new ImportAccepted(id, ImportJob.PENDING))
                                        .location(URI.create("/api/v1/imports/" + id))
                                        .build();
                            });
            if (created.get() == null) {
                spool.delete();
            } else {
                queue.enqueue(created.get(), spool);
            }
            return answer;
        } catch (RuntimeException e) {
            spool.delete();
            throw e;
        }
    }

    public ImportJobView view(String idText) {
        ImportJob job = parse(idText).flatMap(jobs::find).filter(access::canSee).orElse(null);
        if (job == null) {
            audit.recordAlone("import.read", "imports/" + idText, List.of(), Outcome.NOT_FOUND);
            throw ApiException.notFound();
        }
        return ImportJobView.of(job, errors(job));
    }

    private List<RowError> errors(ImportJob job) {
        try {
            return mapper.readValue(job.errors(), ERRORS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("STW-IMPORT-0021 stored errors unreadable");
        }
    }

    private static java.util.Optional<UUID> parse(String id) {
        return java.util.Optional.ofNullable(Ids.parseOrNull(id));
    }

    /** The body hash, bound to the format: the same bytes as CSV and as NDJSON differ. */
    private static byte[] requestHash(UploadFormat format, Spool spool) {
        MessageDigest digest = Idempotency.digest();
        digest.update(format.mediaType().getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        digest.update(spool.sha256());
        return digest.digest();
    }
}
