package io.qinglang.platform.disclosure.web;

import io.qinglang.platform.audit.domain.ChainHead;
import io.qinglang.platform.disclosure.application.PublishedReports;
import io.qinglang.platform.disclosure.domain.DisclosureReport;
import io.qinglang.platform.disclosure.domain.StoredDocument;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;

/**
 * A tenant's published disclosure reports: the list, and each file (PDF in Chinese or English, or CSV) exactly as
 * archived, with its SHA-256 in {@code Digest}-style headers so a reader can check what they downloaded.
 */
@Path("/v1/tenants/{tenant}/published-reports")
@RequestScoped
@PermitAll
public class PublishedReportsResource {

    /** A published report as the public sees it, with the body's audit chain head when it was made. */
    public record PublishedReport(String id, String period, int version, java.time.Instant generatedAt,
                                  java.time.Instant publishedAt, List<DisclosureReport.Document> documents,
                                  ChainHead auditHead) {
        static PublishedReport of(DisclosureReport r) {
            return new PublishedReport(r.id().toString(), r.period(), r.version(), r.generatedAt(), r.publishedAt(),
                    r.documents(), r.auditHead());
        }
    }

    private final PublishedReports reports;

    @Inject
    public PublishedReportsResource(PublishedReports reports) {
        this.reports = reports;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The tenant's published disclosure reports, newest period first")
    public List<PublishedReport> list(@PathParam("tenant") String tenant) {
        return reports.list(tenant).stream().map(PublishedReport::of).toList();
    }

    @GET
    @Path("/{id}/{edition}")
    @Operation(summary = "A file of a published report: zh-CN (PDF), en (PDF) or csv")
    public Response document(@PathParam("tenant") String tenant, @PathParam("id") String id,
                             @PathParam("edition") String edition) {
        return download(reports.document(tenant, id, edition));
    }

    /** The archived bytes as a download, with their SHA-256; shared by the admin API. */
    public static Response download(StoredDocument document) {
        return Response.ok(document.content(), document.edition().mediaType())
                .header("Content-Disposition", "attachment; filename=\"" + document.fileName() + "\"")
                .header("X-Content-SHA256", document.sha256())
                .header("Repr-Digest", "sha-256=:" + java.util.Base64.getEncoder()
                        .encodeToString(java.util.HexFormat.of().parseHex(document.sha256())) + ":")
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }
}
