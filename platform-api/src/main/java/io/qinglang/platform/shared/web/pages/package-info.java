/** The machinery every page shares, the portal's and the console's: templates and the frame, texts in two languages, CSRF, security headers, error pages, static files. */
package io.qinglang.platform.shared.web.pages;
