/** Finding tenants by their slug, and whether a member of staff still stands at one. */
package io.qinglang.platform.tenants.application;
