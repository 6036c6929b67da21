/** Application services of a tenant's own configuration. */
package io.qinglang.admin.configuration.application;
