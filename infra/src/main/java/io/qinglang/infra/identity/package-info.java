/** Keycloak: tenants as organizations, staff as members with realm roles, and the check of their API tokens. */
package io.qinglang.infra.identity;
