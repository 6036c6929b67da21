/** Web-edge pieces shared by every feature's resources: strict JSON reading, multipart, request origin. */
package io.qinglang.platform.shared.web;
