#!/usr/bin/env python3
"""Python's xmlrpc.client on the other side of our codec, for the codec's round-trip tests.

Reads one JSON document on stdin and writes one on stdout, for a whole batch at once.
Values travel as tagged JSON so that int, float, str, bool, None, dates and bytes stay distinct:
  {"t": "int", "v": 1}  {"t": "double", "v": "repr"}  {"t": "str", "v": "..."}  {"t": "bool", "v": true}
  {"t": "nil"}  {"t": "array", "v": [...]}  {"t": "struct", "v": [["key", tagged], ...]}
  {"t": "datetime", "v": "2026-11-27T10:20:30"}  {"t": "base64", "v": "QUJD"}

  codec_roundtrip.py load  {"bodies": [base64 of XML bytes, ...]}
      -> [{"method": name-or-null, "params": [tagged, ...]} | {"fault": {"code": tagged, "string": tagged}}
          | {"error": "ExceptionName: message"}, ...]
  codec_roundtrip.py dump  {"docs": [{"kind": "call"|"response"|"fault", "method": name, "params": [tagged],
                                      "code": tagged, "string": str, "encoding": "utf-8"|"iso-8859-1"}, ...]}
      -> [base64 of the XML bytes Python wrote, ...]
Standard library only.
"""
import base64
import datetime
import json
import sys
import xmlrpc.client


def tag(value):
    if value is None:
        return {"t": "nil"}
    if isinstance(value, bool):
        return {"t": "bool", "v": value}
    if isinstance(value, int):
        return {"t": "int", "v": value}
    if isinstance(value, float):
        return {"t": "double", "v": repr(value)}
    if isinstance(value, str):
        return {"t": "str", "v": value}
    if isinstance(value, (list, tuple)):
        return {"t": "array", "v": [tag(v) for v in value]}
    if isinstance(value, dict):
        return {"t": "struct", "v": [[k, tag(v)] for k, v in value.items()]}
    if isinstance(value, datetime.datetime):
        return {"t": "datetime", "v": value.isoformat()}
    if isinstance(value, (bytes, bytearray)):
        return {"t": "base64", "v": base64.b64encode(value).decode("ascii")}
    raise TypeError("cannot tag %r" % type(value))


def untag(tagged):
    t = tagged["t"]
    if t == "nil":
        return None
    if t in ("bool", "int", "str"):
        return tagged["v"]
    if t == "double":
        return float(tagged["v"])
    if t == "array":
        return [untag(v) for v in tagged["v"]]
    if t == "struct":
        return {k: untag(v) for k, v in tagged["v"]}
    if t == "datetime":
        return datetime.datetime.fromisoformat(tagged["v"])
    if t == "base64":
        return xmlrpc.client.Binary(base64.b64decode(tagged["v"]))
    raise ValueError("unknown tag %r" % t)


def load(request):
    results = []
    for body in request["bodies"]:
        data = base64.b64decode(body)
        try:
            params, method = xmlrpc.client.loads(data, use_builtin_types=True)
            results.append({"method": method, "params": [tag(p) for p in params]})
        except xmlrpc.client.Fault as fault:
            results.append({"fault": {"code": tag(fault.faultCode), "string": tag(fault.faultString)}})
        except Exception as exc:  # reported to the test, which fails on it
            results.append({"error": "%s: %s" % (type(exc).__name__, exc)})
    return results


def dump(request):
    results = []
    for doc in request["docs"]:
        encoding = doc.get("encoding", "utf-8")
        if doc["kind"] == "fault":
            text = xmlrpc.client.dumps(
                xmlrpc.client.Fault(untag(doc["code"]), doc["string"]), methodresponse=True, encoding=encoding)
        elif doc["kind"] == "response":
            text = xmlrpc.client.dumps(
                (untag(doc["params"][0]),), methodresponse=True, allow_none=True, encoding=encoding)
        else:
            params = tuple(untag(p) for p in doc["params"])
            text = xmlrpc.client.dumps(params, doc["method"], allow_none=True, encoding=encoding)
        results.append(base64.b64encode(text.encode(encoding, "xmlcharrefreplace")).decode("ascii"))
    return results


def main():
    mode = sys.argv[1]
    request = json.load(sys.stdin)
    result = load(request) if mode == "load" else dump(request)
    json.dump(result, sys.stdout)


if __name__ == "__main__":
    main()
