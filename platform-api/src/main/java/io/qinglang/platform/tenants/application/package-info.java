/** What the platform tells the public about its tenants. */
package io.qinglang.platform.tenants.application;
