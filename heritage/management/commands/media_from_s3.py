"""Copy media from the bucket to MEDIA_ROOT: `media_to_s3 --reverse` under its own name."""

from .media_to_s3 import Command as MediaToS3


class Command(MediaToS3):
    help = "Copy media files from the S3 bucket to MEDIA_ROOT, verified; files already in place are skipped."
    reverse = True
