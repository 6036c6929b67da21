/** The statistics as open data: JSON and CSV per closed period. */
package io.qinglang.platform.statistics.web;
