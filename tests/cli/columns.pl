#!/usr/bin/perl
# columns.pl WIDTH AMBIGUOUS < table
# Checks a table from `jubo list` with its own cell measure (Perl's Unicode tables, not
# libunistring): every line fits WIDTH cells, and on every line each column found in the
# header starts on the same cell, after a blank gap, never inside a wide character.
# Prints one line per problem and exits 1 if there is any.
use strict;
use warnings;
use utf8;
binmode STDIN, ':encoding(UTF-8)';
binmode STDOUT, ':encoding(UTF-8)';

# With --screen, the input is a captured browser screen: a tab bar, the header, rows, a
# status and a hint line; columns are one space apart and "v" or "^" after a header word is
# its sort mark.
my $screen = @ARGV && $ARGV[0] eq '--screen' ? shift @ARGV : 0;
my ($width, $ambiguous) = @ARGV;
my $wide_ambiguous = ($ambiguous // 'narrow') eq 'wide';

sub cells {
	my ($ch) = @_;
	return 0 if $ch =~ /[\p{Mn}\p{Me}\p{Cf}]/;
	return 2 if $ch =~ /[\p{Ea=W}\p{Ea=F}]/;
	return ($wide_ambiguous ? 2 : 1) if $ch =~ /\p{Ea=A}/;
	return 1;
}

# For a line, the cell where each character starts, and the total.
sub layout {
	my ($line) = @_;
	my (@starts, @chars);
	my $at = 0;
	for my $ch (split //, $line) {
		push @starts, $at;
		push @chars, $ch;
		$at += cells($ch);
	}
	return (\@starts, \@chars, $at);
}

my @lines = map { chomp; $_ } <STDIN>;
if ($screen) {
	@lines = @lines[1 .. $#lines - 2];
	@lines = grep { $_ ne '' } @lines;
	splice @lines, 1, 0, '';    # where a table has its rule
}
die "no table\n" unless @lines >= 2;
my ($hs, $hc) = layout($lines[0]);
# Columns start where a header word starts after two or more spaces (or at cell 0); on a
# screen after one space, unless the word is a sort mark.
my @bounds = (0);
for my $i (2 .. $#$hc) {
	next unless $hc->[$i] ne ' ' && $hc->[$i - 1] eq ' ';
	if ($screen) {
		my $mark = ($hc->[$i] eq 'v' || $hc->[$i] eq '^') && ($i == $#$hc || $hc->[$i + 1] eq ' ');
		push @bounds, $hs->[$i] unless $mark;
	} elsif ($hc->[$i - 2] eq ' ') {
		push @bounds, $hs->[$i];
	}
}
my $problems = 0;
for my $n (0 .. $#lines) {
	my ($s, $c, $total) = layout($lines[$n]);
	if ($total > $width) {
		print "line ", $n + 1, ": $total cells, wider than $width\n";
		$problems++;
	}
	next if $n == 1;    # the rule under the header
	my %start = map { $s->[$_] => $c->[$_] } 0 .. $#$c;
	for my $b (@bounds[1 .. $#bounds]) {
		last if $b >= $total;    # the line ended before this column (empty trailing cells)
		if (!exists $start{$b}) {
			print "line ", $n + 1, ": no character starts at cell $b (a wide character straddles it)\n";
			$problems++;
			next;
		}
		if (!exists $start{$b - 1} || $start{$b - 1} ne ' ') {
			print "line ", $n + 1, ": the column at cell $b does not follow a blank gap\n";
			$problems++;
		}
	}
}
print scalar(@bounds), " columns, ", scalar(@lines), " lines checked\n" unless $problems;
exit($problems ? 1 : 0);
