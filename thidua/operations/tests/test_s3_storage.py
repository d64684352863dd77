"""Files in an S3-compatible store (STORAGE_BACKEND=s3): generated documents, backup, restore.

The store is moto's S3 server on a loopback port (no network): the same HTTP API as a real
object store, through django-storages and boto3 exactly as in production.
"""

from __future__ import annotations

import hashlib
import io
import json

import boto3
import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from moto.server import ThreadedMotoServer
from pypdf import PdfReader

from conftest import make_user
from thidua.documents import services
from thidua.documents.enums import BatchStatus
from thidua.documents.tests.test_batches import invitation
from thidua.operations.archive import ArchiveReader
from thidua.operations.backups import create_backup, storage_names
from thidua.operations.tests.test_backups import EmptyTarget

KEYS = {"access_key": "ci-key", "secret_key": "ci-secret"}  # moto accepts any


@pytest.fixture(scope="module")
def s3_endpoint():
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    yield f"http://127.0.0.1:{port}"
    server.stop()


def make_bucket(endpoint: str, name: str):
    client = boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name="us-east-1",
        aws_access_key_id=KEYS["access_key"],
        aws_secret_access_key=KEYS["secret_key"],
    )
    client.create_bucket(Bucket=name)
    return client


def bucket_files(client, bucket: str) -> dict[str, str]:
    found = {}
    for item in client.list_objects_v2(Bucket=bucket).get("Contents", []):
        body = client.get_object(Bucket=bucket, Key=item["Key"])["Body"].read()
        found[item["Key"]] = hashlib.sha256(body).hexdigest()
    return found


@pytest.fixture
def s3_storage(settings, s3_endpoint, request):
    """The default storage is a fresh bucket, configured as settings.py does for s3."""
    bucket = f"thidua-{request.node.name.replace('_', '-')[:40].lower()}"
    client = make_bucket(s3_endpoint, bucket)
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": bucket,
                "endpoint_url": s3_endpoint,
                "region_name": "us-east-1",
                **KEYS,
                "location": "media",
                "default_acl": "private",
                "querystring_auth": True,
                "file_overwrite": False,
            },
        },
    }
    return client, bucket


@pytest.mark.django_db
def test_a_batch_renders_into_the_object_store(
    world, s3_storage, django_capture_on_commit_callbacks
):
    client, bucket = s3_storage
    with django_capture_on_commit_callbacks(execute=True):  # the immediate backend runs it
        batch = services.start_batch(
            by=None,
            unit=world.commune_a,
            title="Giấy mời",
            specs=[invitation(n) for n in (1, 2, 3)],
            chunk_size=2,
        )
    batch.refresh_from_db()
    assert (batch.status, batch.pages) == (BatchStatus.DONE, 3)
    keys = bucket_files(client, bucket)
    # only the joined PDF is left: the two part files were written and removed in the bucket
    assert list(keys) == [f"media/{batch.pdf.name}"]
    body = client.get_object(Bucket=bucket, Key=f"media/{batch.pdf.name}")["Body"].read()
    assert len(PdfReader(io.BytesIO(body)).pages) == 3
    assert hashlib.sha256(body).hexdigest() == batch.checksum == keys[f"media/{batch.pdf.name}"]


@pytest.mark.django_db
def test_a_document_download_streams_from_the_object_store(
    world, s3_storage, client, commune_a_officer
):
    from thidua.documents.models import Issuer

    issuer = Issuer.objects.create(
        unit=world.commune_a,
        name_lines="ỦY BAN NHÂN DÂN\nXÃ ĐÔNG HÒA",
        abbreviation="UBND",
        place="Đông Hòa",
    )
    document = services.issue_document(by=commune_a_officer, issuer=issuer, spec=invitation(1))
    bucket_client, bucket = s3_storage
    assert sorted(bucket_files(bucket_client, bucket)) == sorted(
        [f"media/{document.pdf.name}", f"media/{document.docx.name}"]
    )
    client.force_login(commune_a_officer)
    response = client.get(f"/van-ban/{document.pk}/tai-ve/pdf/")
    data = b"".join(response.streaming_content)
    assert data.startswith(b"%PDF") and hashlib.sha256(data).hexdigest() == document.checksum


@pytest.mark.django_db(transaction=True)
def test_backup_reads_the_bucket_and_restore_fills_another(
    world, s3_storage, s3_endpoint, tmp_path
):
    client, _bucket = s3_storage
    make_user("s3user", world.commune_a)
    names = {"documents/2025/a.pdf": b"%PDF one", "honorees/photos/b.jpg": "ảnh".encode()}
    for name, data in names.items():
        assert default_storage.save(name, ContentFile(data)) == name
    assert storage_names(default_storage) == sorted(names)
    archive = tmp_path / "backup.tar"

    create_backup(archive)

    with ArchiveReader(archive) as reader:
        listed = {entry["name"]: entry["sha256"] for entry in reader.manifest["files"]}
    assert listed == {name: hashlib.sha256(data).hexdigest() for name, data in names.items()}
    make_bucket(s3_endpoint, "thidua-restored")
    target = EmptyTarget(tmp_path / "target")
    target.folder.mkdir()
    target.env.update(
        {
            "STORAGE_BACKEND": "s3",
            "S3_BUCKET": "thidua-restored",
            "S3_ENDPOINT_URL": s3_endpoint,
            "S3_REGION": "us-east-1",
            "S3_ACCESS_KEY_ID": KEYS["access_key"],
            "S3_SECRET_ACCESS_KEY": KEYS["secret_key"],
            "S3_PREFIX": "restored",
        }
    )
    try:
        restored = target.restore(archive)
        assert restored.returncode == 0, restored.stderr
        assert bucket_files(client, "thidua-restored") == {
            f"restored/{name}": digest for name, digest in listed.items()
        }
        action, data = target.last_audit()
        assert action == "operations.backup.restored" and data["files"] == 2
        assert json.loads(json.dumps(data))["forced"] is False
    finally:
        target.drop()
