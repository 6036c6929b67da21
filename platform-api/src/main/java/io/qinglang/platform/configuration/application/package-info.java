/** What a body publishes of its configuration: channels, categories, deadlines and rewards, for the report form and reports. */
package io.qinglang.platform.configuration.application;
