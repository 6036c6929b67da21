/** The HTTP edge: problem+json for every error, request origin, security headers, access log. */
package io.qinglang.infra.http;
