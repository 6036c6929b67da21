/** Encryption at rest (per-tenant data keys under a platform key) and keyed hashes of reporters' secrets. */
package io.qinglang.infra.crypto;
