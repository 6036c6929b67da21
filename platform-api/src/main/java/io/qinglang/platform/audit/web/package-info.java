/** REST resources of the audit trail. */
package io.qinglang.platform.audit.web;
