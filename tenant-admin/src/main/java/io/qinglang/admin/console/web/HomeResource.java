package io.qinglang.admin.console.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import java.net.URI;

/** The console's start. */
@Path("/")
@RequestScoped
public class HomeResource {

    @GET
    public Response home() {
        return Response.seeOther(URI.create("/console/cases")).build();
    }
}
