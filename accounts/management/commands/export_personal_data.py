import json

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email

from accounts.personal_data import export_everything


class Command(BaseCommand):
    help = "Print, as JSON, everything the site holds about the person with this email address."

    def add_arguments(self, parser):
        parser.add_argument("--email", required=True)

    def handle(self, *args, email, **options):
        try:
            validate_email(email)
        except ValidationError as error:
            raise CommandError(f"{email!r} is not an email address.") from error
        found = export_everything(email)
        self.stdout.write(json.dumps({"email": email, "data": found}, indent=2, ensure_ascii=False, default=str))
