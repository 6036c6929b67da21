package io.qinglang.admin.console.web;

import io.qinglang.platform.shared.web.pages.Messages;
import io.qinglang.platform.shared.web.pages.Pages;
import jakarta.enterprise.context.ApplicationScoped;

/** The console's pages: its templates and texts, in the frame and with the texts every page shares. */
@ApplicationScoped
public class ConsolePages extends Pages {

    public ConsolePages() {
        super("/io/qinglang/admin/console/templates", new Messages("io.qinglang.admin.console.console"));
    }
}
