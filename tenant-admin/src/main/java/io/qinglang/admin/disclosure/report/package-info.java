/** The disclosure report's files: the PDF editions (OpenPDF, embedded Noto Sans SC) and the CSV of every figure. */
package io.qinglang.admin.disclosure.report;
