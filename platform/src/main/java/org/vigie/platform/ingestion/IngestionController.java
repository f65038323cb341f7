package org.vigie.platform.ingestion;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.vigie.platform.citizen.Actor;

/**
 * Bulk ingestion over HTTP, as the {@code ingest} command does it: snapshots as JSON Lines
 * ({@code application/x-ndjson}), one FHIR Bundle ({@code application/fhir+json}, or
 * {@code application/json} as many FHIR clients send it) or FHIR Bundles one per line
 * ({@code application/fhir+ndjson}), or a FHIR Bulk Data export ({@code application/fhir+ndjson} whose
 * first line is not a Bundle, or {@code ?format=fhir-ndjson}: one resource per line, grouped into
 * citizens by Patient reference). Records with problems are listed, the others stored, with the
 * entries left out and the unused entries skipped and counted.
 */
@RestController
@Tag(name = "Ingestion", description = "Bulk load of citizens from snapshots or FHIR R4 Bundles")
class IngestionController {

    static final String NDJSON = "application/x-ndjson";
    static final String FHIR_JSON = "application/fhir+json";
    static final String FHIR_NDJSON = "application/fhir+ndjson";
    static final URI TYPE = URI.create("urn:vigie:problem:invalid-ingestion");
    private static final String SOURCE = "POST /api/v1/ingestions";

    private final Ingestion ingestion;

    IngestionController(Ingestion ingestion) {
        this.ingestion = ingestion;
    }

    /**
     * The summary of an ingestion, every record not stored with its line and why, the entries left out
     * of stored records with a warning (at most ten a record), and the unused entries skipped, counted
     * by resource type and by code system.
     */
    record IngestionReport(int read, int stored, int unchanged, int rejected, List<RejectedRecord> rejections,
                           int warnings, List<RecordWarning> warned,
                           Map<String, Integer> skippedResourceTypes, Map<String, Integer> skippedCodeSystems) {

        static IngestionReport of(IngestionSummary summary, List<RejectedRecord> rejections, List<RecordWarning> warned) {
            return new IngestionReport(summary.read(), summary.stored(), summary.unchanged(), summary.rejected(), rejections,
                    summary.warnings(), warned, summary.skippedResourceTypes(), summary.skippedCodeSystems());
        }
    }

    @Operation(summary = "Store citizens",
            description = "Idempotent by external id (a snapshot's citizenId, a FHIR Patient's INS or id): sending the same "
                    + "data again changes nothing. Each record is stored whole in its own transaction, or not at all.")
    @ApiResponse(responseCode = "200", description = "What was stored, left unchanged and rejected (with line and reason)")
    @ApiResponse(responseCode = "400", description = "An empty body, or a body that is not a FHIR R4 Bundle at all",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDetail.class)))
    // one method for every type: with an empty body, Spring would find several methods equally fit
    @PostMapping(path = "/api/v1/ingestions", consumes = {NDJSON, FHIR_JSON, FHIR_NDJSON, MediaType.APPLICATION_JSON_VALUE}, produces = MediaType.APPLICATION_JSON_VALUE)
    IngestionReport ingest(@RequestBody(required = false) byte[] body, @RequestHeader("Content-Type") MediaType type,
                           @RequestParam(name = "format", required = false) String format) {
        byte[] bytes = body == null ? new byte[0] : body;
        Actor actor = Actor.ingestion("api");
        List<RejectedRecord> rejections = new ArrayList<>();
        List<RecordWarning> warned = new ArrayList<>();
        Ingestion.Listener listener = new Ingestion.Listener() {
            @Override
            public void rejected(RejectedRecord record) {
                rejections.add(record);
            }

            @Override
            public void warned(RecordWarning warning) {
                warned.add(warning);
            }
        };
        IngestionSummary summary;
        if (format != null && IngestionFormat.named(format).isEmpty()) {
            throw new MalformedIngestion("format: unknown format '" + format + "' (jsonl, fhir or fhir-ndjson)");
        }
        boolean export = format != null ? IngestionFormat.named(format).get() == IngestionFormat.FHIR_NDJSON
                : type.isCompatibleWith(MediaType.parseMediaType(FHIR_NDJSON)) && !bundlePerLine(bytes);
        if (export) {
            summary = ingestion.ingestExport(List.of(new FhirNdjson.Source(null, bytes.length, () -> new ByteArrayInputStream(bytes))),
                    actor, SOURCE, listener, FhirNdjson.Progress.NONE);
            if (summary.read() == 0 && summary.warnings() == 0 && summary.skippedResourceTypes().isEmpty()) {
                throw new MalformedIngestion("the body holds no resource");
            }
            return IngestionReport.of(summary, rejections, warned);
        }
        // application/json is what many FHIR clients send for a Bundle
        if (type.isCompatibleWith(MediaType.parseMediaType(FHIR_JSON)) || type.isCompatibleWith(MediaType.APPLICATION_JSON)) {
            String bundle = new String(bytes, StandardCharsets.UTF_8);
            if (bundle.isBlank()) throw new MalformedIngestion("the body holds no Bundle");
            summary = ingestion.ingestBundle(bundle, actor, SOURCE, listener);
        } else {
            IngestionFormat lines = type.isCompatibleWith(MediaType.parseMediaType(FHIR_NDJSON)) ? IngestionFormat.FHIR : IngestionFormat.JSONL;
            summary = ingestion.ingest(lines, new ByteArrayInputStream(bytes), actor, SOURCE, listener);
            if (summary.read() == 0) throw new MalformedIngestion("the body holds no record");
        }
        return IngestionReport.of(summary, rejections, warned);
    }

    /**
     * Whether an {@code application/fhir+ndjson} body holds Bundles, one per line (the first resource is
     * a Bundle), rather than a Bulk Data export of resources of any type.
     */
    private static boolean bundlePerLine(byte[] bytes) {
        int end = 0;
        while (end < bytes.length && bytes[end] != '\n') end++;
        String first = new String(bytes, 0, end, StandardCharsets.UTF_8);
        return first.isBlank() || BUNDLE.matcher(first).find();
    }

    private static final java.util.regex.Pattern BUNDLE = java.util.regex.Pattern.compile("^\\W*\\{\\s*\"resourceType\"\\s*:\\s*\"Bundle\"");

    @ExceptionHandler({InvalidBundleException.class, MalformedIngestion.class})
    ResponseEntity<ProblemDetail> malformed(RuntimeException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setType(TYPE);
        problem.setTitle("Invalid ingestion request");
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** A request with nothing to ingest. */
    static final class MalformedIngestion extends RuntimeException {
        MalformedIngestion(String message) {
            super(message);
        }
    }
}
