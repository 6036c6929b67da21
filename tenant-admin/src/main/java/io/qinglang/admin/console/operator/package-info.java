/** The platform operator's pages in the console: the bodies on the platform, onboarding, suspension and health. */
package io.qinglang.admin.console.operator;
