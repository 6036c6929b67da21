/** What the public may read of the disclosure reports: the published ones and their files. */
package io.qinglang.platform.disclosure.application;
