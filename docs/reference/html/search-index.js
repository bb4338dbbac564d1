window.L8_SEARCH_INDEX = [
 {
  "names": [
   "encrypt"
  ],
  "page": "spec.proto.extension.v1.cryption.CryptionService.Encrypt.html",
  "path": "/spec.proto.extension.v1.cryption.CryptionService/Encrypt",
  "rpc": "Encrypt",
  "service": "spec.proto.extension.v1.cryption.CryptionService",
  "shape": "unary",
  "summary": "Encrypt encrypts `plain_text` with the key `key_id` (or the component's default key when `key_id` is empty) and returns the cipher text together with the key id and key version actually used."
 },
 {
  "names": [
   "decrypt"
  ],
  "page": "spec.proto.extension.v1.cryption.CryptionService.Decrypt.html",
  "path": "/spec.proto.extension.v1.cryption.CryptionService/Decrypt",
  "rpc": "Decrypt",
  "service": "spec.proto.extension.v1.cryption.CryptionService",
  "shape": "unary",
  "summary": "Decrypt reverses Encrypt."
 },
 {
  "names": [
   "publishDelayMessage",
   "publish_delay_message"
  ],
  "page": "spec.proto.extension.v1.delay_queue.DelayQueue.PublishDelayMessage.html",
  "path": "/spec.proto.extension.v1.delay_queue.DelayQueue/PublishDelayMessage",
  "rpc": "PublishDelayMessage",
  "service": "spec.proto.extension.v1.delay_queue.DelayQueue",
  "shape": "unary",
  "summary": "PublishDelayMessage accepts a message for delivery `delay_in_seconds` seconds from now and returns its id at once (it does not wait for the delay)."
 },
 {
  "names": [
   "sendEmailWithTemplate",
   "send_email_with_template"
  ],
  "page": "spec.proto.extension.v1.email.EmailService.SendEmailWithTemplate.html",
  "path": "/spec.proto.extension.v1.email.EmailService/SendEmailWithTemplate",
  "rpc": "SendEmailWithTemplate",
  "service": "spec.proto.extension.v1.email.EmailService",
  "shape": "unary",
  "summary": "SendEmailWithTemplate sends one e-mail whose body is rendered by the provider from a stored template and parameters."
 },
 {
  "names": [
   "sendEmail",
   "send_email"
  ],
  "page": "spec.proto.extension.v1.email.EmailService.SendEmail.html",
  "path": "/spec.proto.extension.v1.email.EmailService/SendEmail",
  "rpc": "SendEmail",
  "service": "spec.proto.extension.v1.email.EmailService",
  "shape": "unary",
  "summary": "SendEmail sends one e-mail with the given subject and plain-text body."
 },
 {
  "names": [
   "sendVoiceWithTemplate",
   "send_voice_with_template"
  ],
  "page": "spec.proto.extension.v1.phone.PhoneCallService.SendVoiceWithTemplate.html",
  "path": "/spec.proto.extension.v1.phone.PhoneCallService/SendVoiceWithTemplate",
  "rpc": "SendVoiceWithTemplate",
  "service": "spec.proto.extension.v1.phone.PhoneCallService",
  "shape": "unary",
  "summary": "SendVoiceWithTemplate calls every number in `to_mobile` and plays the given voice template."
 },
 {
  "names": [
   "putObject",
   "put_object"
  ],
  "page": "spec.proto.extension.v1.s3.ObjectStorageService.PutObject.html",
  "path": "/spec.proto.extension.v1.s3.ObjectStorageService/PutObject",
  "rpc": "PutObject",
  "service": "spec.proto.extension.v1.s3.ObjectStorageService",
  "shape": "client_stream",
  "summary": "PutObject uploads one object from a stream of chunks and replaces any previous object of the same key (as a new version)."
 },
 {
  "names": [
   "getObject",
   "get_object"
  ],
  "page": "spec.proto.extension.v1.s3.ObjectStorageService.GetObject.html",
  "path": "/spec.proto.extension.v1.s3.ObjectStorageService/GetObject",
  "rpc": "GetObject",
  "service": "spec.proto.extension.v1.s3.ObjectStorageService",
  "shape": "server_stream",
  "summary": "GetObject downloads an object (or a byte range of it) as a stream of chunks."
 },
 {
  "names": [
   "deleteObject",
   "delete_object"
  ],
  "page": "spec.proto.extension.v1.s3.ObjectStorageService.DeleteObject.html",
  "path": "/spec.proto.extension.v1.s3.ObjectStorageService/DeleteObject",
  "rpc": "DeleteObject",
  "service": "spec.proto.extension.v1.s3.ObjectStorageService",
  "shape": "unary",
  "summary": "DeleteObject deletes an object."
 },
 {
  "names": [
   "copyObject",
   "copy_object"
  ],
  "page": "spec.proto.extension.v1.s3.ObjectStorageService.CopyObject.html",
  "path": "/spec.proto.extension.v1.s3.ObjectStorageService/CopyObject",
  "rpc": "CopyObject",
  "service": "spec.proto.extension.v1.s3.ObjectStorageService",
  "shape": "unary",
  "summary": "CopyObject copies an object (optionally a specific version) to a new bucket/key, within one store."
 },
 {
  "names": [
   "deleteObjects",
   "delete_objects"
  ],
  "page": "spec.proto.extension.v1.s3.ObjectStorageService.DeleteObjects.html",
  "path": "/spec.proto.extension.v1.s3.ObjectStorageService/DeleteObjects",
  "rpc": "DeleteObjects",
  "service": "spec.proto.extension.v1.s3.ObjectStorageService",
  "shape": "unary",
  "summary": "DeleteObjects deletes several objects of one bucket in one call, with the same semantics per object as DeleteObject."
 },
 {
  "names": [
   "listObjects",
   "list_objects"
  ],
  "page": "spec.proto.extension.v1.s3.ObjectStorageService.ListObjects.html",
  "path": "/spec.proto.extension.v1.s3.ObjectStorageService/ListObjects",
  "rpc": "ListObjects",
  "service": "spec.proto.extension.v1.s3.ObjectStorageService",
  "shape": "unary",
  "summary": "ListObjects lists the latest versions of the objects of a bucket in ascending key order (delete markers hide their key), one page at a time, with optional prefix filter and delimiter grouping."
 },
 {
  "names": [
   "headObject",
   "head_object"
  ],
  "page": "spec.proto.extension.v1.s3.ObjectStorageService.HeadObject.html",
  "path": "/spec.proto.extension.v1.s3.ObjectStorageService/HeadObject",
  "rpc": "HeadObject",
  "service": "spec.proto.extension.v1.s3.ObjectStorageService",
  "shape": "unary",
  "summary": "HeadObject returns the attributes of an object without its body."
 },
 {
  "names": [
   "isObjectExist",
   "is_object_exist"
  ],
  "page": "spec.proto.extension.v1.s3.ObjectStorageService.IsObjectExist.html",
  "path": "/spec.proto.extension.v1.s3.ObjectStorageService/IsObjectExist",
  "rpc": "IsObjectExist",
  "service": "spec.proto.extension.v1.s3.ObjectStorageService",
  "shape": "unary",
  "summary": "IsObjectExist tells whether an object (or a specific version) exists."
 },
 {
  "names": [
   "putObjectTagging",
   "put_object_tagging"
  ],
  "page": "spec.proto.extension.v1.s3.ObjectStorageService.PutObjectTagging.html",
  "path": "/spec.proto.extension.v1.s3.ObjectStorageService/PutObjectTagging",
  "rpc": "PutObjectTagging",
  "service": "spec.proto.extension.v1.s3.ObjectStorageService",
  "shape": "unary",
  "summary": "PutObjectTagging replaces the whole tag set of an object version (the latest when `version_id` is empty)."
 },
 {
  "names": [
   "deleteObjectTagging",
   "delete_object_tagging"
  ],
  "page": "spec.proto.extension.v1.s3.ObjectStorageService.DeleteObjectTagging.html",
  "path": "/spec.proto.extension.v1.s3.ObjectStorageService/DeleteObjectTagging",
  "rpc": "DeleteObjectTagging",
  "service": "spec.proto.extension.v1.s3.ObjectStorageService",
  "shape": "unary",
  "summary": "DeleteObjectTagging removes all tags of an object version (the latest when `version_id` is empty)."
 },
 {
  "names": [
   "getObjectTagging",
   "get_object_tagging"
  ],
  "page": "spec.proto.extension.v1.s3.ObjectStorageService.GetObjectTagging.html",
  "path": "/spec.proto.extension.v1.s3.ObjectStorageService/GetObjectTagging",
  "rpc": "GetObjectTagging",
  "service": "spec.proto.extension.v1.s3.ObjectStorageService",
  "shape": "unary",
  "summary": "GetObjectTagging returns the tag set of an object version (the latest when `version_id` is empty)."
 },
 {
  "names": [
   "GetObjectCannedACL",
   "getObjectCannedAcl",
   "get_object_canned_acl"
  ],
  "page": "spec.proto.extension.v1.s3.ObjectStorageService.GetObjectCannedAcl.html",
  "path": "/spec.proto.extension.v1.s3.ObjectStorageService/GetObjectCannedAcl",
  "rpc": "GetObjectCannedAcl",
  "service": "spec.proto.extension.v1.s3.ObjectStorageService",
  "shape": "unary",
  "summary": "GetObjectCannedAcl returns the canned ACL of an object (`private` unless another was set at upload or by PutObjectCannedAcl)."
 },
 {
  "names": [
   "PutObjectCannedACL",
   "putObjectCannedAcl",
   "put_object_canned_acl"
  ],
  "page": "spec.proto.extension.v1.s3.ObjectStorageService.PutObjectCannedAcl.html",
  "path": "/spec.proto.extension.v1.s3.ObjectStorageService/PutObjectCannedAcl",
  "rpc": "PutObjectCannedAcl",
  "service": "spec.proto.extension.v1.s3.ObjectStorageService",
  "shape": "unary",
  "summary": "PutObjectCannedAcl sets the canned ACL of an object."
 },
 {
  "names": [
   "createMultipartUpload",
   "create_multipart_upload"
  ],
  "page": "spec.proto.extension.v1.s3.ObjectStorageService.CreateMultipartUpload.html",
  "path": "/spec.proto.extension.v1.s3.ObjectStorageService/CreateMultipartUpload",
  "rpc": "CreateMultipartUpload",
  "service": "spec.proto.extension.v1.s3.ObjectStorageService",
  "shape": "unary",
  "summary": "CreateMultipartUpload starts a multipart upload and returns its `upload_id`."
 },
 {
  "names": [
   "uploadPart",
   "upload_part"
  ],
  "page": "spec.proto.extension.v1.s3.ObjectStorageService.UploadPart.html",
  "path": "/spec.proto.extension.v1.s3.ObjectStorageService/UploadPart",
  "rpc": "UploadPart",
  "service": "spec.proto.extension.v1.s3.ObjectStorageService",
  "shape": "client_stream",
  "summary": "UploadPart uploads one part of a multipart upload from a stream of chunks."
 },
 {
  "names": [
   "uploadPartCopy",
   "upload_part_copy"
  ],
  "page": "spec.proto.extension.v1.s3.ObjectStorageService.UploadPartCopy.html",
  "path": "/spec.proto.extension.v1.s3.ObjectStorageService/UploadPartCopy",
  "rpc": "UploadPartCopy",
  "service": "spec.proto.extension.v1.s3.ObjectStorageService",
  "shape": "unary",
  "summary": "UploadPartCopy uploads one part of a multipart upload by copying a byte range of an existing object."
 },
 {
  "names": [
   "completeMultipartUpload",
   "complete_multipart_upload"
  ],
  "page": "spec.proto.extension.v1.s3.ObjectStorageService.CompleteMultipartUpload.html",
  "path": "/spec.proto.extension.v1.s3.ObjectStorageService/CompleteMultipartUpload",
  "rpc": "CompleteMultipartUpload",
  "service": "spec.proto.extension.v1.s3.ObjectStorageService",
  "shape": "unary",
  "summary": "CompleteMultipartUpload assembles the listed parts, in ascending part number order, into one object (a new version of the key) and ends the upload."
 },
 {
  "names": [
   "abortMultipartUpload",
   "abort_multipart_upload"
  ],
  "page": "spec.proto.extension.v1.s3.ObjectStorageService.AbortMultipartUpload.html",
  "path": "/spec.proto.extension.v1.s3.ObjectStorageService/AbortMultipartUpload",
  "rpc": "AbortMultipartUpload",
  "service": "spec.proto.extension.v1.s3.ObjectStorageService",
  "shape": "unary",
  "summary": "AbortMultipartUpload ends a multipart upload and discards its parts."
 },
 {
  "names": [
   "listMultipartUploads",
   "list_multipart_uploads"
  ],
  "page": "spec.proto.extension.v1.s3.ObjectStorageService.ListMultipartUploads.html",
  "path": "/spec.proto.extension.v1.s3.ObjectStorageService/ListMultipartUploads",
  "rpc": "ListMultipartUploads",
  "service": "spec.proto.extension.v1.s3.ObjectStorageService",
  "shape": "unary",
  "summary": "ListMultipartUploads lists the multipart uploads of a bucket that are in progress, ordered by key and then by initiation time, one page at a time."
 },
 {
  "names": [
   "listParts",
   "list_parts"
  ],
  "page": "spec.proto.extension.v1.s3.ObjectStorageService.ListParts.html",
  "path": "/spec.proto.extension.v1.s3.ObjectStorageService/ListParts",
  "rpc": "ListParts",
  "service": "spec.proto.extension.v1.s3.ObjectStorageService",
  "shape": "unary",
  "summary": "ListParts lists the parts uploaded so far for a multipart upload, in ascending part number order, one page at a time."
 },
 {
  "names": [
   "listObjectVersions",
   "list_object_versions"
  ],
  "page": "spec.proto.extension.v1.s3.ObjectStorageService.ListObjectVersions.html",
  "path": "/spec.proto.extension.v1.s3.ObjectStorageService/ListObjectVersions",
  "rpc": "ListObjectVersions",
  "service": "spec.proto.extension.v1.s3.ObjectStorageService",
  "shape": "unary",
  "summary": "ListObjectVersions lists all versions and delete markers of the objects of a bucket, ordered by key and, within a key, newest first, one page at a time."
 },
 {
  "names": [
   "signUrl",
   "sign_url"
  ],
  "page": "spec.proto.extension.v1.s3.ObjectStorageService.SignURL.html",
  "path": "/spec.proto.extension.v1.s3.ObjectStorageService/SignURL",
  "rpc": "SignURL",
  "service": "spec.proto.extension.v1.s3.ObjectStorageService",
  "shape": "unary",
  "summary": "SignURL returns a pre-signed URL that grants the bearer `method` access to one object for `expired_in_sec` seconds without further credentials."
 },
 {
  "names": [
   "updateDownloadBandwidthRateLimit",
   "update_download_bandwidth_rate_limit"
  ],
  "page": "spec.proto.extension.v1.s3.ObjectStorageService.UpdateDownloadBandwidthRateLimit.html",
  "path": "/spec.proto.extension.v1.s3.ObjectStorageService/UpdateDownloadBandwidthRateLimit",
  "rpc": "UpdateDownloadBandwidthRateLimit",
  "service": "spec.proto.extension.v1.s3.ObjectStorageService",
  "shape": "unary",
  "summary": "UpdateDownloadBandwidthRateLimit sets the average download bandwidth limit of the store (an AWS Storage Gateway concept)."
 },
 {
  "names": [
   "updateUploadBandwidthRateLimit",
   "update_upload_bandwidth_rate_limit"
  ],
  "page": "spec.proto.extension.v1.s3.ObjectStorageService.UpdateUploadBandwidthRateLimit.html",
  "path": "/spec.proto.extension.v1.s3.ObjectStorageService/UpdateUploadBandwidthRateLimit",
  "rpc": "UpdateUploadBandwidthRateLimit",
  "service": "spec.proto.extension.v1.s3.ObjectStorageService",
  "shape": "unary",
  "summary": "UpdateUploadBandwidthRateLimit sets the average upload bandwidth limit of the store (an AWS Storage Gateway concept)."
 },
 {
  "names": [
   "appendObject",
   "append_object"
  ],
  "page": "spec.proto.extension.v1.s3.ObjectStorageService.AppendObject.html",
  "path": "/spec.proto.extension.v1.s3.ObjectStorageService/AppendObject",
  "rpc": "AppendObject",
  "service": "spec.proto.extension.v1.s3.ObjectStorageService",
  "shape": "client_stream",
  "summary": "AppendObject appends bytes to the end of an appendable object, creating it when `position` is 0 and the key does not exist (OSS-style append)."
 },
 {
  "names": [
   "restoreObject",
   "restore_object"
  ],
  "page": "spec.proto.extension.v1.s3.ObjectStorageService.RestoreObject.html",
  "path": "/spec.proto.extension.v1.s3.ObjectStorageService/RestoreObject",
  "rpc": "RestoreObject",
  "service": "spec.proto.extension.v1.s3.ObjectStorageService",
  "shape": "unary",
  "summary": "RestoreObject requests a temporary restored copy of an archived object (S3 Glacier-style storage classes)."
 },
 {
  "names": [
   "SendSMSWithTemplate",
   "sendSmsWithTemplate",
   "send_sms_with_template"
  ],
  "page": "spec.proto.extension.v1.sms.SmsService.SendSmsWithTemplate.html",
  "path": "/spec.proto.extension.v1.sms.SmsService/SendSmsWithTemplate",
  "rpc": "SendSmsWithTemplate",
  "service": "spec.proto.extension.v1.sms.SmsService",
  "shape": "unary",
  "summary": "SendSmsWithTemplate sends the rendered template to every number in `phone_numbers`."
 },
 {
  "names": [
   "listTopicSubscriptions"
  ],
  "page": "spec.proto.runtime.v1.AppCallback.ListTopicSubscriptions.html",
  "path": "/spec.proto.runtime.v1.AppCallback/ListTopicSubscriptions",
  "rpc": "ListTopicSubscriptions",
  "service": "spec.proto.runtime.v1.AppCallback",
  "shape": "unary",
  "summary": "Lists the topics the application wants to receive."
 },
 {
  "names": [
   "onTopicEvent"
  ],
  "page": "spec.proto.runtime.v1.AppCallback.OnTopicEvent.html",
  "path": "/spec.proto.runtime.v1.AppCallback/OnTopicEvent",
  "rpc": "OnTopicEvent",
  "service": "spec.proto.runtime.v1.AppCallback",
  "shape": "unary",
  "summary": "Delivers one message from a subscribed topic to the application."
 },
 {
  "names": [
   "applyConfiguration",
   "apply_configuration"
  ],
  "page": "spec.proto.runtime.v1.Lifecycle.ApplyConfiguration.html",
  "path": "/spec.proto.runtime.v1.Lifecycle/ApplyConfiguration",
  "rpc": "ApplyConfiguration",
  "service": "spec.proto.runtime.v1.Lifecycle",
  "shape": "unary",
  "summary": "Applies a configuration to one running component."
 },
 {
  "names": [
   "sayHello",
   "say_hello"
  ],
  "page": "spec.proto.runtime.v1.Runtime.SayHello.html",
  "path": "/spec.proto.runtime.v1.Runtime/SayHello",
  "rpc": "SayHello",
  "service": "spec.proto.runtime.v1.Runtime",
  "shape": "unary",
  "summary": "Asks a `hellos` component for a greeting; useful as a connectivity and smoke test."
 },
 {
  "names": [
   "invokeService",
   "invoke_service"
  ],
  "page": "spec.proto.runtime.v1.Runtime.InvokeService.html",
  "path": "/spec.proto.runtime.v1.Runtime/InvokeService",
  "rpc": "InvokeService",
  "service": "spec.proto.runtime.v1.Runtime",
  "shape": "unary",
  "summary": "Calls a method of another application through the configured `rpcs` component and returns its answer."
 },
 {
  "names": [
   "getConfiguration",
   "get_configuration"
  ],
  "page": "spec.proto.runtime.v1.Runtime.GetConfiguration.html",
  "path": "/spec.proto.runtime.v1.Runtime/GetConfiguration",
  "rpc": "GetConfiguration",
  "service": "spec.proto.runtime.v1.Runtime",
  "shape": "unary",
  "summary": "Reads configuration items from a `config_store` component."
 },
 {
  "names": [
   "saveConfiguration",
   "save_configuration"
  ],
  "page": "spec.proto.runtime.v1.Runtime.SaveConfiguration.html",
  "path": "/spec.proto.runtime.v1.Runtime/SaveConfiguration",
  "rpc": "SaveConfiguration",
  "service": "spec.proto.runtime.v1.Runtime",
  "shape": "unary",
  "summary": "Creates or replaces configuration items in a `config_store` component."
 },
 {
  "names": [
   "deleteConfiguration",
   "delete_configuration"
  ],
  "page": "spec.proto.runtime.v1.Runtime.DeleteConfiguration.html",
  "path": "/spec.proto.runtime.v1.Runtime/DeleteConfiguration",
  "rpc": "DeleteConfiguration",
  "service": "spec.proto.runtime.v1.Runtime",
  "shape": "unary",
  "summary": "Deletes configuration items from a `config_store` component."
 },
 {
  "names": [
   "subscribeConfiguration",
   "subscribe_configuration"
  ],
  "page": "spec.proto.runtime.v1.Runtime.SubscribeConfiguration.html",
  "path": "/spec.proto.runtime.v1.Runtime/SubscribeConfiguration",
  "rpc": "SubscribeConfiguration",
  "service": "spec.proto.runtime.v1.Runtime",
  "shape": "bidi",
  "summary": "Watches configuration items for changes (bidirectional stream)."
 },
 {
  "names": [
   "tryLock",
   "try_lock"
  ],
  "page": "spec.proto.runtime.v1.Runtime.TryLock.html",
  "path": "/spec.proto.runtime.v1.Runtime/TryLock",
  "rpc": "TryLock",
  "service": "spec.proto.runtime.v1.Runtime",
  "shape": "unary",
  "summary": "Tries once, without blocking, to take a distributed lock with a lease of `expire` seconds."
 },
 {
  "names": [
   "unlock"
  ],
  "page": "spec.proto.runtime.v1.Runtime.Unlock.html",
  "path": "/spec.proto.runtime.v1.Runtime/Unlock",
  "rpc": "Unlock",
  "service": "spec.proto.runtime.v1.Runtime",
  "shape": "unary",
  "summary": "Releases a lock held by `lock_owner`."
 },
 {
  "names": [
   "lockKeepAlive",
   "lock_keep_alive"
  ],
  "page": "spec.proto.runtime.v1.Runtime.LockKeepAlive.html",
  "path": "/spec.proto.runtime.v1.Runtime/LockKeepAlive",
  "rpc": "LockKeepAlive",
  "service": "spec.proto.runtime.v1.Runtime",
  "shape": "unary",
  "summary": "Renews the lease of a lock held by `lock_owner`, so that it now expires `expire` seconds from the time of the call."
 },
 {
  "names": [
   "GetNextID",
   "getNextId",
   "get_next_id"
  ],
  "page": "spec.proto.runtime.v1.Runtime.GetNextId.html",
  "path": "/spec.proto.runtime.v1.Runtime/GetNextId",
  "rpc": "GetNextId",
  "service": "spec.proto.runtime.v1.Runtime",
  "shape": "unary",
  "summary": "Returns the next id of the sequence named `key` in a `sequencer` component."
 },
 {
  "names": [
   "getState",
   "get_state"
  ],
  "page": "spec.proto.runtime.v1.Runtime.GetState.html",
  "path": "/spec.proto.runtime.v1.Runtime/GetState",
  "rpc": "GetState",
  "service": "spec.proto.runtime.v1.Runtime",
  "shape": "unary",
  "summary": "Reads the value stored under one key of a `state` store."
 },
 {
  "names": [
   "getBulkState",
   "get_bulk_state"
  ],
  "page": "spec.proto.runtime.v1.Runtime.GetBulkState.html",
  "path": "/spec.proto.runtime.v1.Runtime/GetBulkState",
  "rpc": "GetBulkState",
  "service": "spec.proto.runtime.v1.Runtime",
  "shape": "unary",
  "summary": "Reads several keys of a `state` store in one call."
 },
 {
  "names": [
   "saveState",
   "save_state"
  ],
  "page": "spec.proto.runtime.v1.Runtime.SaveState.html",
  "path": "/spec.proto.runtime.v1.Runtime/SaveState",
  "rpc": "SaveState",
  "service": "spec.proto.runtime.v1.Runtime",
  "shape": "unary",
  "summary": "Creates or replaces values in a `state` store."
 },
 {
  "names": [
   "deleteState",
   "delete_state"
  ],
  "page": "spec.proto.runtime.v1.Runtime.DeleteState.html",
  "path": "/spec.proto.runtime.v1.Runtime/DeleteState",
  "rpc": "DeleteState",
  "service": "spec.proto.runtime.v1.Runtime",
  "shape": "unary",
  "summary": "Deletes the value stored under one key of a `state` store."
 },
 {
  "names": [
   "deleteBulkState",
   "delete_bulk_state"
  ],
  "page": "spec.proto.runtime.v1.Runtime.DeleteBulkState.html",
  "path": "/spec.proto.runtime.v1.Runtime/DeleteBulkState",
  "rpc": "DeleteBulkState",
  "service": "spec.proto.runtime.v1.Runtime",
  "shape": "unary",
  "summary": "Deletes several keys of a `state` store."
 },
 {
  "names": [
   "executeStateTransaction",
   "execute_state_transaction"
  ],
  "page": "spec.proto.runtime.v1.Runtime.ExecuteStateTransaction.html",
  "path": "/spec.proto.runtime.v1.Runtime/ExecuteStateTransaction",
  "rpc": "ExecuteStateTransaction",
  "service": "spec.proto.runtime.v1.Runtime",
  "shape": "unary",
  "summary": "Applies a list of upserts and deletes to one `state` store atomically: either all take effect or none does."
 },
 {
  "names": [
   "publishEvent",
   "publish_event"
  ],
  "page": "spec.proto.runtime.v1.Runtime.PublishEvent.html",
  "path": "/spec.proto.runtime.v1.Runtime/PublishEvent",
  "rpc": "PublishEvent",
  "service": "spec.proto.runtime.v1.Runtime",
  "shape": "unary",
  "summary": "Publishes one message to a topic of a `pub_subs` component."
 },
 {
  "names": [
   "subscribeTopicEvents",
   "subscribe_topic_events"
  ],
  "page": "spec.proto.runtime.v1.Runtime.SubscribeTopicEvents.html",
  "path": "/spec.proto.runtime.v1.Runtime/SubscribeTopicEvents",
  "rpc": "SubscribeTopicEvents",
  "service": "spec.proto.runtime.v1.Runtime",
  "shape": "bidi",
  "summary": "Receives the messages of one topic over a bidirectional stream, without serving AppCallback."
 },
 {
  "names": [
   "getFile",
   "get_file"
  ],
  "page": "spec.proto.runtime.v1.Runtime.GetFile.html",
  "path": "/spec.proto.runtime.v1.Runtime/GetFile",
  "rpc": "GetFile",
  "service": "spec.proto.runtime.v1.Runtime",
  "shape": "server_stream",
  "summary": "Downloads a file from a `file` store as a stream of chunks; concatenating `data` of all responses gives the file content."
 },
 {
  "names": [
   "putFile",
   "put_file"
  ],
  "page": "spec.proto.runtime.v1.Runtime.PutFile.html",
  "path": "/spec.proto.runtime.v1.Runtime/PutFile",
  "rpc": "PutFile",
  "service": "spec.proto.runtime.v1.Runtime",
  "shape": "client_stream",
  "summary": "Uploads a file to a `file` store as a stream of chunks."
 },
 {
  "names": [
   "listFile",
   "list_file"
  ],
  "page": "spec.proto.runtime.v1.Runtime.ListFile.html",
  "path": "/spec.proto.runtime.v1.Runtime/ListFile",
  "rpc": "ListFile",
  "service": "spec.proto.runtime.v1.Runtime",
  "shape": "unary",
  "summary": "Lists the files in a directory of a `file` store, one page at a time (see `page_size` and `marker`)."
 },
 {
  "names": [
   "delFile",
   "del_file"
  ],
  "page": "spec.proto.runtime.v1.Runtime.DelFile.html",
  "path": "/spec.proto.runtime.v1.Runtime/DelFile",
  "rpc": "DelFile",
  "service": "spec.proto.runtime.v1.Runtime",
  "shape": "unary",
  "summary": "Deletes one file from a `file` store."
 },
 {
  "names": [
   "getFileMeta",
   "get_file_meta"
  ],
  "page": "spec.proto.runtime.v1.Runtime.GetFileMeta.html",
  "path": "/spec.proto.runtime.v1.Runtime/GetFileMeta",
  "rpc": "GetFileMeta",
  "service": "spec.proto.runtime.v1.Runtime",
  "shape": "unary",
  "summary": "Returns the size, modification time and metadata of one file."
 },
 {
  "names": [
   "invokeBinding",
   "invoke_binding"
  ],
  "page": "spec.proto.runtime.v1.Runtime.InvokeBinding.html",
  "path": "/spec.proto.runtime.v1.Runtime/InvokeBinding",
  "rpc": "InvokeBinding",
  "service": "spec.proto.runtime.v1.Runtime",
  "shape": "unary",
  "summary": "Sends data to an output binding (`bindings` component) and returns what it answered."
 },
 {
  "names": [
   "getSecret",
   "get_secret"
  ],
  "page": "spec.proto.runtime.v1.Runtime.GetSecret.html",
  "path": "/spec.proto.runtime.v1.Runtime/GetSecret",
  "rpc": "GetSecret",
  "service": "spec.proto.runtime.v1.Runtime",
  "shape": "unary",
  "summary": "Reads one secret from a `secret_store` component."
 },
 {
  "names": [
   "getBulkSecret",
   "get_bulk_secret"
  ],
  "page": "spec.proto.runtime.v1.Runtime.GetBulkSecret.html",
  "path": "/spec.proto.runtime.v1.Runtime/GetBulkSecret",
  "rpc": "GetBulkSecret",
  "service": "spec.proto.runtime.v1.Runtime",
  "shape": "unary",
  "summary": "Reads every secret the application may see in a `secret_store` component."
 }
];
