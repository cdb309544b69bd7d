using Detector.Scoring.Statistics;
using Xunit;

namespace Detector.Scoring.Tests.Statistics;

public sealed class NGramModelTests
{
    private static void Train(NGramModel model, params int[] session)
    {
        var state = new NGramSession();
        foreach (int symbol in session)
        {
            model.Learn(state, symbol);
            state.Append(symbol, 1);
        }
    }

    private static NGramSession After(params int[] symbols)
    {
        var state = new NGramSession();
        foreach (int symbol in symbols)
            state.Append(symbol, 1);
        return state;
    }

    private static int[] Cycle(int length, params int[] pattern)
    {
        var sequence = new int[length];
        for (int i = 0; i < length; i++)
            sequence[i] = pattern[i % pattern.Length];
        return sequence;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void A_trained_cycle_predicts_each_successor_at_rank_one(int order)
    {
        var model = new NGramModel(alphabetSize: 12, order);
        for (int session = 0; session < 5; session++)
            Train(model, Cycle(40, 3, 7, 1, 9));

        int[] cycle = [3, 7, 1, 9];
        for (int i = 0; i < cycle.Length; i++)
        {
            var prediction = model.Predict(After(cycle[..(i + 1)]), cycle[(i + 1) % cycle.Length]);
            Assert.Equal(1, prediction.Rank);
            Assert.True(prediction.Probability > 0.8);
        }
    }

    [Fact]
    public void A_transition_never_seen_gets_a_low_probability_and_a_rank_outside_the_top_three()
    {
        // After 0 the agent has gone to 1 (ten times), 2 (five) and 3 (three); 4 is common elsewhere.
        var model = new NGramModel(alphabetSize: 20);
        for (int i = 0; i < 10; i++)
            Train(model, 0, 1, 4, 4);
        for (int i = 0; i < 5; i++)
            Train(model, 0, 2, 4);
        for (int i = 0; i < 3; i++)
            Train(model, 0, 3, 4);

        var prediction = model.Predict(After(0), 4);
        Assert.True(prediction.Probability < 0.1);
        Assert.Equal(4, prediction.Rank);
        Assert.Equal(1, model.Predict(After(0), 1).Rank);
        Assert.Equal(3, model.Predict(After(0), 3).Rank);
    }

    [Fact]
    public void The_smoothed_probabilities_match_witten_bell_worked_by_hand()
    {
        // One session 0 1 0 1 over V = 4. Unigrams: c(0) = c(1) = 2, N = 4, T = 2, so
        // P(w) = (c(w) + 2/4) / 6. After 0: c(0 1) = 2, c(0) = 2, T(0) = 1, so
        // P(w | 0) = (c(0 w) + P(w)) / 3.
        var model = new NGramModel(alphabetSize: 4);
        Train(model, 0, 1, 0, 1);
        var afterZero = After(0);

        Assert.Equal((2 + 2.5 / 6) / 3, model.Probability(afterZero, 1), 12);
        Assert.Equal(2.5 / 6 / 3, model.Probability(afterZero, 0), 12);
        Assert.Equal(0.5 / 6 / 3, model.Probability(afterZero, 2), 12);
        Assert.Equal(1, model.Predict(afterZero, 1).Rank);
        Assert.Equal(2, model.Predict(afterZero, 0).Rank);
        Assert.Equal(3, model.Predict(afterZero, 2).Rank);
        Assert.Equal(3, model.Predict(afterZero, 3).Rank);
    }

    [Fact]
    public void An_empty_model_is_uniform()
    {
        var model = new NGramModel(alphabetSize: 8, order: 2);
        Assert.Equal(1.0 / 8, model.Probability(After(3, 4), 5), 15);
        Assert.Equal(1, model.Predict(default, 0).Rank);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Smoothing_leaves_probability_for_unseen_symbols_and_every_context_sums_to_one(int order)
    {
        var model = new NGramModel(alphabetSize: 9, order);
        Train(model, 0, 1, 2, 1, 0, 1, 2, 5);
        Train(model, 2, 2, 1);

        NGramSession[] contexts = [default, After(0), After(0, 1), After(2, 2), After(8), After(8, 7), After(1, 2, 5)];
        foreach (var context in contexts)
        {
            double sum = 0;
            for (int symbol = 0; symbol < 9; symbol++)
            {
                double p = model.Probability(context, symbol);
                Assert.True(p > 0);
                sum += p;
            }
            Assert.Equal(1, sum, 12);
        }
    }

    [Fact]
    public void The_order_two_model_uses_the_longer_context()
    {
        // After 1 comes 2 or 3, but after 0 1 always 2 and after 4 1 always 3: only a trigram can tell.
        var bigram = new NGramModel(alphabetSize: 6, order: 1);
        var trigram = new NGramModel(alphabetSize: 6, order: 2);
        for (int i = 0; i < 10; i++)
        {
            Train(bigram, 0, 1, 2);
            Train(bigram, 4, 1, 3);
            Train(trigram, 0, 1, 2);
            Train(trigram, 4, 1, 3);
        }
        Assert.True(trigram.Predict(After(4, 1), 3).Probability > 0.8);
        Assert.Equal(2, trigram.Predict(After(4, 1), 2).Rank);
        Assert.InRange(bigram.Predict(After(4, 1), 3).Probability, 0.3, 0.6);
    }

    [Fact]
    public void Merging_equals_training_on_both_models_sessions()
    {
        var random = new Random(61);
        var first = new NGramModel(alphabetSize: 10, order: 2, capacity: 512);
        var second = new NGramModel(alphabetSize: 10, order: 2, capacity: 512);
        var both = new NGramModel(alphabetSize: 10, order: 2, capacity: 512);
        for (int s = 0; s < 12; s++)
        {
            var session = new int[random.Next(3, 9)];
            for (int i = 0; i < session.Length; i++)
                session[i] = random.Next(0, 6);
            Train(s % 2 == 0 ? first : second, session);
            Train(both, session);
        }

        first.Merge(second);
        Assert.Equal(Serialized.Bytes(both), Serialized.Bytes(first));
        Assert.Equal(both.Total, first.Total);
        Assert.Equal(both.Probability(After(2, 3), 4), first.Probability(After(2, 3), 4));
    }

    [Fact]
    public void Only_models_of_the_same_shape_merge()
    {
        var model = new NGramModel(alphabetSize: 10);
        Assert.Throws<ArgumentException>(() => model.Merge(new NGramModel(alphabetSize: 11)));
        Assert.Throws<ArgumentException>(() => model.Merge(new NGramModel(alphabetSize: 10, order: 2)));
        Assert.Throws<ArgumentException>(() => model.Merge(model));
    }

    [Fact]
    public void A_full_table_forgets_rare_transitions_and_keeps_the_habitual_one()
    {
        // 16 slots hold at most 12 n-grams: far fewer than the noise below creates.
        var model = new NGramModel(alphabetSize: 200, capacity: 16);
        var random = new Random(62);
        for (int round = 0; round < 300; round++)
        {
            Train(model, 0, 1, 0, 1, 0, 1);
            Train(model, random.Next(2, 200), random.Next(2, 200));
        }

        Assert.True(model.Total < 300 * 8 / 2);
        Assert.Equal(1, model.Predict(After(0), 1).Rank);
        Assert.True(model.Predict(After(0), 1).Probability > 0.5);
        double sum = 0;
        for (int symbol = 0; symbol < 200; symbol++)
            sum += model.Probability(After(0), symbol);
        Assert.Equal(1, sum, 12);
    }

    [Fact]
    public void A_session_accumulates_its_log_likelihood_per_symbol()
    {
        var model = new NGramModel(alphabetSize: 12);
        for (int session = 0; session < 5; session++)
            Train(model, Cycle(40, 3, 7, 1, 9));

        NGramSession Score(params int[] symbols)
        {
            var state = new NGramSession();
            double expected = 0;
            foreach (int symbol in symbols)
            {
                double p = model.Predict(state, symbol).Probability;
                expected += Math.Log2(p);
                state.Append(symbol, p);
            }
            Assert.Equal(expected, state.LogLikelihood, 12);
            Assert.Equal(symbols.Length, state.Length);
            return state;
        }

        var habitual = Score(Cycle(20, 3, 7, 1, 9));
        var erratic = Score(9, 9, 3, 1, 7, 3, 0, 11, 7, 9, 1, 1, 3, 9, 7, 7, 0, 3, 1, 9);
        Assert.True(habitual.MeanLogLikelihood > -0.5);
        Assert.True(erratic.MeanLogLikelihood < -3);
        Assert.Equal(0, new NGramSession().MeanLogLikelihood);
    }

    [Fact]
    public void Symbols_outside_the_alphabet_are_a_programming_error()
    {
        var model = new NGramModel(alphabetSize: 5);
        Assert.Throws<ArgumentOutOfRangeException>(() => model.Predict(default, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => model.Learn(default, -1));
        var session = new NGramSession();
        Assert.Throws<ArgumentOutOfRangeException>(() => session.Append(NGramModel.StartSymbol, 0.5));
    }

    [Fact]
    public void A_round_trip_predicts_identically()
    {
        var model = new NGramModel(alphabetSize: 10, order: 2, capacity: 128);
        Train(model, 1, 2, 3, 1, 2, 4, 1, 2, 3);
        Train(model, 5, 1, 2);
        var copy = Serialized.RoundTrip(model);

        Assert.Equal(Serialized.Bytes(model), Serialized.Bytes(copy));
        foreach (var context in new[] { default, After(1), After(1, 2), After(5, 1) })
        {
            for (int symbol = 0; symbol < 10; symbol++)
                Assert.Equal(model.Predict(context, symbol), copy.Predict(context, symbol));
        }
    }

    [Fact]
    public void A_session_round_trips_with_its_context_and_likelihood()
    {
        var state = new NGramSession();
        state.Append(4, 0.5);
        state.Append(7, 0.25);
        var copy = Serialized.RoundTrip(state);
        Assert.Equal(state, copy);
        Assert.Equal(-3, copy.LogLikelihood);
    }

    [Fact]
    public void The_table_grows_with_what_is_learned_and_keeps_every_count()
    {
        var growing = new NGramModel(alphabetSize: 12, order: 2, capacity: 1024);
        Assert.Equal(16, growing.Slots);
        var random = new Random(5);
        var sessions = Enumerable.Range(0, 40).Select(_ => Enumerable.Range(0, 6).Select(_ => random.Next(12)).ToArray()).ToArray();
        foreach (var session in sessions)
            Train(growing, session);
        Assert.InRange(growing.Slots, 32, 512);

        // Growth rehashes without losing a count: the sessions learned in reverse (another growth history) give the same model.
        var copy = new NGramModel(alphabetSize: 12, order: 2, capacity: 1024);
        foreach (var session in sessions.Reverse())
            Train(copy, session);
        for (int a = 0; a < 12; a++)
        {
            for (int b = 0; b < 12; b++)
                Assert.Equal(growing.Predict(After(a), b), copy.Predict(After(a), b));
        }
        Assert.Equal(Serialized.Bytes(growing), Serialized.Bytes(copy));
    }

    [Fact]
    public void Predicting_and_learning_do_not_allocate()
    {
        var model = new NGramModel(alphabetSize: 32, order: 2, capacity: 256);
        var random = new Random(63);
        for (int i = 0; i < 50; i++)
            Train(model, random.Next(32), random.Next(32), random.Next(32));
        var state = new NGramSession();
        int step = 0;
        Assert.Equal(0, Allocations.Of(() =>
        {
            int symbol = step++ * 7 % 32;
            var prediction = model.Predict(state, symbol);
            model.Learn(state, symbol);
            state.Append(symbol, prediction.Probability);
        }));
    }
}
