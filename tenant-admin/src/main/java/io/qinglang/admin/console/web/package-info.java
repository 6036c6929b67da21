/** The staff console's pages: sign-in, the case list and queues, the case page with its steps, staff intake. */
package io.qinglang.admin.console.web;
