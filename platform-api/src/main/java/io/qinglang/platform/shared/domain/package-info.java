/** Value objects and refusals shared by every feature of the platform. */
package io.qinglang.platform.shared.domain;
