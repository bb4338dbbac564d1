"""One valid call of every RPC of the 9 services (``CALLS``: "Service/Method" -> call on a running
runtime), used by test_api_every_rpc; helpers for calls that need state first (an object, an upload)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from google.protobuf import any_pb2, empty_pb2, wrappers_pb2
from l8_runtime.pb import API_SERVICES, cb, cry, dq, email, lc, oss, phone, rt, sms


def _any(text: str) -> any_pb2.Any:
    a = any_pb2.Any()
    a.Pack(wrappers_pb2.StringValue(value=text))
    return a


def put_object(r, key: str = "obj", body: bytes = b"body") -> oss.PutObjectOutput:
    return r.oss.PutObject(iter([oss.PutObjectInput(store_name="oss_demo", bucket="b", key=key, body=body)]))


def upload(r) -> str:
    return r.oss.CreateMultipartUpload(
        oss.CreateMultipartUploadInput(store_name="oss_demo", bucket="b", key="mp")
    ).upload_id


def put_file(r, name: str = "f.txt") -> Any:
    return r.runtime.PutFile(
        iter(
            [
                rt.PutFileRequest(store_name="file_demo", name=name, data=b"abc"),
                rt.PutFileRequest(data=b"def"),
            ]
        )
    )


def subscribe_topic(r) -> list:
    """Open a stream, publish, receive the event, ack it, close."""
    import queue
    import threading

    outbox: queue.Queue = queue.Queue()
    outbox.put(
        rt.SubscribeTopicEventsRequest(
            initial_request=rt.SubscribeTopicEventsRequestInitial(pubsub_name="pub_subs_demo", topic="every")
        )
    )

    def requests():
        while (item := outbox.get()) is not None:
            yield item

    call = r.runtime.SubscribeTopicEvents(requests())
    got = [next(call)]
    threading.Timer(
        0.2,
        lambda: r.runtime.PublishEvent(
            rt.PublishEventRequest(pubsub_name="pub_subs_demo", topic="every", data=b"x")
        ),
    ).start()
    event = next(call)
    got.append(event)
    outbox.put(
        rt.SubscribeTopicEventsRequest(
            event_processed=rt.SubscribeTopicEventsRequestProcessed(
                id=event.event_message.id, status=cb.TopicEventResponse(status=cb.TopicEventResponse.SUCCESS)
            )
        )
    )
    outbox.put(None)
    got.extend(call)
    return got


def subscribe_config(r) -> list:
    call = r.runtime.SubscribeConfiguration(
        iter([rt.SubscribeConfigurationRequest(store_name="config_demo", keys=["watched"])])
    )
    first = next(call)  # the watched keys' current values answer the watch at once
    call.cancel()
    return [first]


CALLS: dict[str, Callable[[Any], Any]] = {
    # Runtime
    "Runtime/SayHello": lambda r: r.runtime.SayHello(
        rt.SayHelloRequest(service_name="helloworld", data=_any("x"))
    ),
    "Runtime/InvokeService": lambda r: r.runtime.InvokeService(
        rt.InvokeServiceRequest(
            id="echo", message=rt.CommonInvokeRequest(method="m", data=_any("hi"), content_type="text/plain")
        )
    ),
    "Runtime/GetConfiguration": lambda r: r.runtime.GetConfiguration(
        rt.GetConfigurationRequest(store_name="config_demo")
    ),
    "Runtime/SaveConfiguration": lambda r: r.runtime.SaveConfiguration(
        rt.SaveConfigurationRequest(
            store_name="config_demo", items=[rt.ConfigurationItem(key="k", content="v")]
        )
    ),
    "Runtime/DeleteConfiguration": lambda r: r.runtime.DeleteConfiguration(
        rt.DeleteConfigurationRequest(store_name="config_demo", keys=["k"])
    ),
    "Runtime/SubscribeConfiguration": subscribe_config,
    "Runtime/TryLock": lambda r: r.runtime.TryLock(
        rt.TryLockRequest(store_name="lock_demo", resource_id="r", lock_owner="o", expire=5)
    ),
    "Runtime/Unlock": lambda r: r.runtime.Unlock(
        rt.UnlockRequest(store_name="lock_demo", resource_id="r", lock_owner="o")
    ),
    "Runtime/LockKeepAlive": lambda r: r.runtime.LockKeepAlive(
        rt.LockKeepAliveRequest(store_name="lock_demo", resource_id="r", lock_owner="o", expire=5)
    ),
    "Runtime/GetNextId": lambda r: r.runtime.GetNextId(
        rt.GetNextIdRequest(store_name="sequencer_demo", key="k")
    ),
    "Runtime/GetState": lambda r: r.runtime.GetState(rt.GetStateRequest(store_name="state_demo", key="k")),
    "Runtime/GetBulkState": lambda r: r.runtime.GetBulkState(
        rt.GetBulkStateRequest(store_name="state_demo", keys=["a", "b"])
    ),
    "Runtime/SaveState": lambda r: r.runtime.SaveState(
        rt.SaveStateRequest(store_name="state_demo", states=[rt.StateItem(key="k", value=b"v")])
    ),
    "Runtime/DeleteState": lambda r: r.runtime.DeleteState(
        rt.DeleteStateRequest(store_name="state_demo", key="k")
    ),
    "Runtime/DeleteBulkState": lambda r: r.runtime.DeleteBulkState(
        rt.DeleteBulkStateRequest(store_name="state_demo", states=[rt.StateItem(key="k")])
    ),
    "Runtime/ExecuteStateTransaction": lambda r: r.runtime.ExecuteStateTransaction(
        rt.ExecuteStateTransactionRequest(
            storeName="state_demo",
            operations=[
                rt.TransactionalStateOperation(
                    operationType="upsert", request=rt.StateItem(key="t", value=b"1")
                )
            ],
        )
    ),
    "Runtime/PublishEvent": lambda r: r.runtime.PublishEvent(
        rt.PublishEventRequest(pubsub_name="pub_subs_demo", topic="t", data=b"x")
    ),
    "Runtime/SubscribeTopicEvents": subscribe_topic,
    "Runtime/GetFile": lambda r: (
        put_file(r),
        list(r.runtime.GetFile(rt.GetFileRequest(store_name="file_demo", name="f.txt"))),
    )[1],
    "Runtime/PutFile": put_file,
    "Runtime/ListFile": lambda r: r.runtime.ListFile(
        rt.ListFileRequest(request=rt.FileRequest(store_name="file_demo"))
    ),
    "Runtime/DelFile": lambda r: (
        put_file(r, "d"),
        r.runtime.DelFile(rt.DelFileRequest(request=rt.FileRequest(store_name="file_demo", name="d"))),
    )[1],
    "Runtime/GetFileMeta": lambda r: (
        put_file(r, "m"),
        r.runtime.GetFileMeta(
            rt.GetFileMetaRequest(request=rt.FileRequest(store_name="file_demo", name="m"))
        ),
    )[1],
    "Runtime/InvokeBinding": lambda r: r.runtime.InvokeBinding(
        rt.InvokeBindingRequest(name="echo", data=b"d", operation="create")
    ),
    "Runtime/GetSecret": lambda r: r.runtime.GetSecret(
        rt.GetSecretRequest(store_name="secret_demo", key="db-password")
    ),
    "Runtime/GetBulkSecret": lambda r: r.runtime.GetBulkSecret(
        rt.GetBulkSecretRequest(store_name="secret_demo")
    ),
    # AppCallback (the runtime's loopback app)
    "AppCallback/ListTopicSubscriptions": lambda r: r.appcallback.ListTopicSubscriptions(empty_pb2.Empty()),
    "AppCallback/OnTopicEvent": lambda r: r.appcallback.OnTopicEvent(cb.TopicEventRequest(id="1", topic="t")),
    # Lifecycle
    "Lifecycle/ApplyConfiguration": lambda r: r.lifecycle.ApplyConfiguration(
        lc.DynamicConfiguration(
            component_config=lc.ComponentConfig(kind="hellos", name="helloworld", metadata={"hello": "hey"})
        )
    ),
    # Extensions
    "CryptionService/Encrypt": lambda r: r.cryption.Encrypt(
        cry.EncryptRequest(component_name="cryption_demo", plain_text=b"p")
    ),
    "CryptionService/Decrypt": lambda r: r.cryption.Decrypt(
        cry.DecryptRequest(
            component_name="cryption_demo",
            cipher_text=r.cryption.Encrypt(
                cry.EncryptRequest(component_name="cryption_demo", plain_text=b"p")
            ).cipher_text,
        )
    ),
    "DelayQueue/PublishDelayMessage": lambda r: r.delay_queue.PublishDelayMessage(
        dq.DelayMessageRequest(component_name="pub_subs_demo", topic="t", data=b"x", delay_in_seconds=1)
    ),
    "EmailService/SendEmailWithTemplate": lambda r: r.email.SendEmailWithTemplate(
        email.SendEmailWithTemplateRequest(
            component_name="email_demo",
            template=email.EmailTemplate(template_id="t1"),
            address=email.EmailAddress(**{"from": "a@x", "to": ["b@x"]}),
        )
    ),
    "EmailService/SendEmail": lambda r: r.email.SendEmail(
        email.SendEmailRequest(
            component_name="email_demo",
            content=email.Content(text="hi"),
            address=email.EmailAddress(**{"from": "a@x", "to": ["b@x"]}),
        )
    ),
    "PhoneCallService/SendVoiceWithTemplate": lambda r: r.phone.SendVoiceWithTemplate(
        phone.SendVoiceWithTemplateRequest(
            component_name="phone_demo", template=phone.VoiceTemplate(template_id="v"), to_mobile=["+100"]
        )
    ),
    "SmsService/SendSmsWithTemplate": lambda r: r.sms.SendSmsWithTemplate(
        sms.SendSmsWithTemplateRequest(
            component_name="sms_demo", phone_numbers=["+100"], template=sms.Template(template_id="s")
        )
    ),
    # Object storage
    "ObjectStorageService/PutObject": put_object,
    "ObjectStorageService/GetObject": lambda r: (
        put_object(r),
        list(r.oss.GetObject(oss.GetObjectInput(store_name="oss_demo", bucket="b", key="obj"))),
    )[1],
    "ObjectStorageService/DeleteObject": lambda r: (
        put_object(r),
        r.oss.DeleteObject(oss.DeleteObjectInput(store_name="oss_demo", bucket="b", key="obj")),
    )[1],
    "ObjectStorageService/CopyObject": lambda r: (
        put_object(r),
        r.oss.CopyObject(
            oss.CopyObjectInput(
                store_name="oss_demo",
                bucket="b",
                key="copy",
                copy_source=oss.CopySource(copy_source_bucket="b", copy_source_key="obj"),
            )
        ),
    )[1],
    "ObjectStorageService/DeleteObjects": lambda r: r.oss.DeleteObjects(
        oss.DeleteObjectsInput(
            store_name="oss_demo", bucket="b", delete=oss.Delete(objects=[oss.ObjectIdentifier(key="x")])
        )
    ),
    "ObjectStorageService/ListObjects": lambda r: r.oss.ListObjects(
        oss.ListObjectsInput(store_name="oss_demo", bucket="b")
    ),
    "ObjectStorageService/HeadObject": lambda r: (
        put_object(r),
        r.oss.HeadObject(oss.HeadObjectInput(store_name="oss_demo", bucket="b", key="obj")),
    )[1],
    "ObjectStorageService/IsObjectExist": lambda r: r.oss.IsObjectExist(
        oss.IsObjectExistInput(store_name="oss_demo", bucket="b", key="obj")
    ),
    "ObjectStorageService/PutObjectTagging": lambda r: (
        put_object(r),
        r.oss.PutObjectTagging(
            oss.PutObjectTaggingInput(store_name="oss_demo", bucket="b", key="obj", tags={"a": "1"})
        ),
    )[1],
    "ObjectStorageService/DeleteObjectTagging": lambda r: (
        put_object(r),
        r.oss.DeleteObjectTagging(oss.DeleteObjectTaggingInput(store_name="oss_demo", bucket="b", key="obj")),
    )[1],
    "ObjectStorageService/GetObjectTagging": lambda r: (
        put_object(r),
        r.oss.GetObjectTagging(oss.GetObjectTaggingInput(store_name="oss_demo", bucket="b", key="obj")),
    )[1],
    "ObjectStorageService/GetObjectCannedAcl": lambda r: (
        put_object(r),
        r.oss.GetObjectCannedAcl(oss.GetObjectCannedAclInput(store_name="oss_demo", bucket="b", key="obj")),
    )[1],
    "ObjectStorageService/PutObjectCannedAcl": lambda r: (
        put_object(r),
        r.oss.PutObjectCannedAcl(
            oss.PutObjectCannedAclInput(store_name="oss_demo", bucket="b", key="obj", acl="public-read")
        ),
    )[1],
    "ObjectStorageService/CreateMultipartUpload": upload,
    "ObjectStorageService/UploadPart": lambda r: r.oss.UploadPart(
        iter(
            [
                oss.UploadPartInput(
                    store_name="oss_demo", bucket="b", key="mp", upload_id=upload(r), part_number=1, body=b"p"
                )
            ]
        )
    ),
    "ObjectStorageService/UploadPartCopy": lambda r: (
        put_object(r),
        r.oss.UploadPartCopy(
            oss.UploadPartCopyInput(
                store_name="oss_demo",
                bucket="b",
                key="mp",
                upload_id=upload(r),
                part_number=1,
                copy_source=oss.CopySource(copy_source_bucket="b", copy_source_key="obj"),
            )
        ),
    )[1],
    "ObjectStorageService/CompleteMultipartUpload": lambda r: complete(r),
    "ObjectStorageService/AbortMultipartUpload": lambda r: r.oss.AbortMultipartUpload(
        oss.AbortMultipartUploadInput(store_name="oss_demo", bucket="b", key="mp", upload_id=upload(r))
    ),
    "ObjectStorageService/ListMultipartUploads": lambda r: r.oss.ListMultipartUploads(
        oss.ListMultipartUploadsInput(store_name="oss_demo", bucket="b")
    ),
    "ObjectStorageService/ListParts": lambda r: r.oss.ListParts(
        oss.ListPartsInput(store_name="oss_demo", bucket="b", key="mp", upload_id=upload(r))
    ),
    "ObjectStorageService/ListObjectVersions": lambda r: r.oss.ListObjectVersions(
        oss.ListObjectVersionsInput(store_name="oss_demo", bucket="b")
    ),
    "ObjectStorageService/SignURL": lambda r: r.oss.SignURL(
        oss.SignURLInput(store_name="oss_demo", bucket="b", key="k", method="GET", expired_in_sec=60)
    ),
    "ObjectStorageService/UpdateDownloadBandwidthRateLimit": lambda r: r.oss.UpdateDownloadBandwidthRateLimit(
        oss.UpdateBandwidthRateLimitInput(store_name="oss_demo", average_rate_limit_in_bits_per_sec=8000)
    ),
    "ObjectStorageService/UpdateUploadBandwidthRateLimit": lambda r: r.oss.UpdateUploadBandwidthRateLimit(
        oss.UpdateBandwidthRateLimitInput(store_name="oss_demo", average_rate_limit_in_bits_per_sec=8000)
    ),
    "ObjectStorageService/AppendObject": lambda r: r.oss.AppendObject(
        iter([oss.AppendObjectInput(store_name="oss_demo", bucket="b", key="app", body=b"abc", position=0)])
    ),
    "ObjectStorageService/RestoreObject": lambda r: (
        put_object(r),
        r.oss.RestoreObject(oss.RestoreObjectInput(store_name="oss_demo", bucket="b", key="obj")),
    )[1],
}


def complete(r) -> oss.CompleteMultipartUploadOutput:
    uid = upload(r)
    part = r.oss.UploadPart(
        iter(
            [
                oss.UploadPartInput(
                    store_name="oss_demo", bucket="b", key="mp", upload_id=uid, part_number=1, body=b"p"
                )
            ]
        )
    )
    return r.oss.CompleteMultipartUpload(
        oss.CompleteMultipartUploadInput(
            store_name="oss_demo",
            bucket="b",
            key="mp",
            upload_id=uid,
            multipart_upload=oss.CompletedMultipartUpload(
                parts=[oss.CompletedPart(etag=part.etag, part_number=1)]
            ),
        )
    )


def all_methods() -> list[str]:
    out = []
    for full in API_SERVICES:
        desc = rt.DESCRIPTOR.pool.FindServiceByName(full)
        out += [f"{desc.name}/{m.name}" for m in desc.methods]
    return sorted(out)
