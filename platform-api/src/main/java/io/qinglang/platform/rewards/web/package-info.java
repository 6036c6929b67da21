/** The reward API for staff and for reporters claiming with their receipt. */
package io.qinglang.platform.rewards.web;
