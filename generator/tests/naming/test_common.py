"""naming.common: word splitter, case conversions, collision scopes, overrides."""

from __future__ import annotations

import pytest
from l8gen.errors import NamingError
from l8gen.naming.common import Origin, Scope, camel, kebab, pascal, screaming, snake, split_words

SPLIT = [
    ("ABC", ["ABC"]),
    ("IPv6Address", ["IPv6", "Address"]),
    ("OAuth2Token", ["OAuth2", "Token"]),
    ("OAuthToken", ["OAuth", "Token"]),
    ("c2s", ["c2s"]),
    ("ds18b20", ["ds18b20"]),
    ("ALL_CAPS", ["ALL", "CAPS"]),
    ("storeName", ["store", "Name"]),
    ("store_name", ["store", "name"]),
    ("HTTPServer", ["HTTP", "Server"]),
    ("getHTTPResponseCode", ["get", "HTTP", "Response", "Code"]),
    ("SignURL", ["Sign", "URL"]),
    ("GetNextId", ["Get", "Next", "Id"]),
    ("sse_kms_keyId", ["sse", "kms", "key", "Id"]),
    ("S3Object", ["S3", "Object"]),
    ("MD5Sum", ["MD5", "Sum"]),
    ("UTF8String", ["UTF8", "String"]),
    ("ETag", ["ETag"]),
    ("x509Cert", ["x509", "Cert"]),
    ("field_1", ["field", "1"]),
    ("__private__", ["private"]),
    ("lowercase_message", ["lowercase", "message"]),
    ("", []),
]


@pytest.mark.parametrize(("name", "words"), SPLIT)
def test_split_words(name: str, words: list[str]) -> None:
    assert split_words(name) == words


CASES = [
    # name, snake, camel, Pascal, SCREAMING, kebab
    ("ABC", "abc", "abc", "Abc", "ABC", "abc"),
    ("IPv6Address", "ipv6_address", "ipv6Address", "Ipv6Address", "IPV6_ADDRESS", "ipv6-address"),
    ("OAuth2Token", "oauth2_token", "oauth2Token", "Oauth2Token", "OAUTH2_TOKEN", "oauth2-token"),
    ("c2s", "c2s", "c2s", "C2s", "C2S", "c2s"),
    ("ds18b20", "ds18b20", "ds18b20", "Ds18b20", "DS18B20", "ds18b20"),
    ("ALL_CAPS", "all_caps", "allCaps", "AllCaps", "ALL_CAPS", "all-caps"),
    ("storeName", "store_name", "storeName", "StoreName", "STORE_NAME", "store-name"),
    ("store_name", "store_name", "storeName", "StoreName", "STORE_NAME", "store-name"),
    ("GetState", "get_state", "getState", "GetState", "GET_STATE", "get-state"),
    ("SignURL", "sign_url", "signUrl", "SignUrl", "SIGN_URL", "sign-url"),
]


@pytest.mark.parametrize(("name", "s", "c", "p", "sc", "k"), CASES)
def test_case_conversions(name: str, s: str, c: str, p: str, sc: str, k: str) -> None:
    assert (snake(name), camel(name), pascal(name), screaming(name), kebab(name)) == (s, c, p, sc, k)


def test_snake_is_identity_on_snake_case_names() -> None:
    for name in ("store_name", "page_size2", "s3_key", "sha256_sum", "http2_enabled", "field_1", "x509"):
        assert snake(name) == name


def test_scope_collision_names_both_elements_with_file_and_line() -> None:
    scope = Scope("python", "methods of the Foo client")
    scope.claim("get_url", Origin("rpc", "pkg.Foo.GetURL", "pkg/foo.proto", 7))
    with pytest.raises(NamingError) as info:
        scope.claim("get_url", Origin("rpc", "pkg.Foo.GetUrl", "pkg/foo.proto", 8))
    message = str(info.value)
    assert "rpc pkg.Foo.GetURL (pkg/foo.proto:7)" in message
    assert "rpc pkg.Foo.GetUrl (pkg/foo.proto:8)" in message
    assert "'get_url'" in message and "[tool.l8gen.python.overrides]" in message


def test_scope_taken_names_block_claims() -> None:
    scope = Scope("go", "methods of the Foo client", {"Close": "generated member 'Close'"})
    with pytest.raises(NamingError, match="generated member 'Close'"):
        scope.claim("Close", Origin("rpc", "pkg.Foo.Close", "foo.proto", 3))


def test_scope_records_collisions_instead_of_raising_while_collecting() -> None:
    from l8gen.naming.common import Origin, Scope, collecting_collisions

    scope = Scope("python", "test scope")
    with collecting_collisions() as found:
        scope.claim("a", Origin("rpc", "p.S.A", "x.proto", 3))
        assert scope.claim("a", Origin("rpc", "p.S.B", "x.proto", 4)) == "a"
        scope.claim("a", Origin("rpc", "p.S.C", "x.proto", 5))
    assert [("x.proto:4" in m, "x.proto:5" in m) for m in found] == [(True, False), (False, True)]
