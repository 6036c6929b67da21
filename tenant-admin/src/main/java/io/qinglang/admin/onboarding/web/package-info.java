/** REST resources of the platform operator's tenant registry. */
package io.qinglang.admin.onboarding.web;
