/** Keycloak: tenants as organizations, staff as members with realm roles. */
package io.qinglang.infra.identity;
