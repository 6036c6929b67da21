/** REST resources of a tenant's own configuration. */
package io.qinglang.admin.configuration.web;
