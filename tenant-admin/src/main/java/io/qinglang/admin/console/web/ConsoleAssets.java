package io.qinglang.admin.console.web;

import io.qinglang.platform.shared.web.pages.StaticAssets;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;

/** The console's stylesheets (the one every page shares, and the console's own) and its one script. */
@Path("/static")
@RequestScoped
public class ConsoleAssets {

    @GET
    @Path("/{file: site\\.css|console\\.css}")
    @Produces("text/css; charset=UTF-8")
    public jakarta.ws.rs.core.Response stylesheet(@PathParam("file") String file) {
        return file.equals("site.css") ? StaticAssets.stylesheet()
                : StaticAssets.file("/io/qinglang/admin/console/static/console.css");
    }

    /** Shows a disclosure report's progress while it is made, where scripts run. */
    @GET
    @Path("/reports.js")
    @Produces("text/javascript; charset=UTF-8")
    public jakarta.ws.rs.core.Response reportsScript() {
        return StaticAssets.file("/io/qinglang/admin/console/static/reports.js");
    }
}
