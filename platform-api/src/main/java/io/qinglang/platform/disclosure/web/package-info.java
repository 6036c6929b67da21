/** The public API of published disclosure reports. */
package io.qinglang.platform.disclosure.web;
