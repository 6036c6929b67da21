package io.qinglang.portal.web;

import io.qinglang.platform.shared.web.pages.Messages;
import io.qinglang.platform.shared.web.pages.Pages;
import jakarta.enterprise.context.ApplicationScoped;

/** The portal's pages: its templates and texts, in the frame and with the texts every page shares. */
@ApplicationScoped
public class PortalPages extends Pages {

    public PortalPages() {
        super("/io/qinglang/portal/templates", new Messages("io.qinglang.portal.messages"));
    }
}
