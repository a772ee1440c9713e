from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email

from accounts.personal_data import erase_everything


class Command(BaseCommand):
    help = "Remove or anonymise everything the site holds about the person with this email address."

    def add_arguments(self, parser):
        parser.add_argument("--email", required=True)
        parser.add_argument("--yes", action="store_true", help="Don't ask for confirmation.")

    def handle(self, *args, email, yes, **options):
        try:
            validate_email(email)
        except ValidationError as error:
            raise CommandError(f"{email!r} is not an email address.") from error
        if not yes and input(f"Erase everything held about {email}? This can't be undone. [y/N] ").lower() != "y":
            raise CommandError("Nothing erased.")
        counts = erase_everything(email)
        for what, count in sorted(counts.items()):
            self.stdout.write(f"{what}: {count}")
        self.stdout.write(self.style.SUCCESS(f"Erased what was held about {email}."))
