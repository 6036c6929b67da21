/** Disclosure reports for tenant admins: requests, generation (on demand and on schedule), the archive. */
package io.qinglang.admin.disclosure.application;
