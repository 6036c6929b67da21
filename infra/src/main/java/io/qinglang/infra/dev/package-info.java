/** The local PostgreSQL, mail catcher and Keycloak that dev mode and the integration tests share. */
package io.qinglang.infra.dev;
