/**
 * A body's export of all its data: asking for it, making it in the background on any node, downloading it; the
 * export's record, and the ports that keep archives ({@link io.qinglang.admin.export.application.ExportStore}), dump the
 * body's data ({@link io.qinglang.admin.export.application.TenantDump}) and encrypt it
 * ({@link io.qinglang.admin.export.application.ExportEncryption}).
 */
package io.qinglang.admin.export.application;
