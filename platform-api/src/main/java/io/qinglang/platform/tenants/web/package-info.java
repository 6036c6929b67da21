/** Staff access to a tenant: the caller must belong to the tenant the request names, and still stand there. */
package io.qinglang.platform.tenants.web;
