/** A tenant admin's pages in the console: the body's channels, categories, deadlines, working calendar and staff. */
package io.qinglang.admin.console.settings;
