/** Onboarding and administration of tenants by the platform operator. */
package io.qinglang.admin.onboarding.application;
